using Simulator.Cluster.Api;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// One running pod's request servers: <see cref="Concurrency"/> requests in service at once and a
/// FIFO queue of request ids (a ring buffer that only grows), bounded by the pod's queue limit.
/// It also keeps the exact time integral of busy servers and the count of completions, sampled
/// at window boundaries, which is what <see cref="IPodMetrics"/> reports.
/// </summary>
internal sealed class PodServer
{
    private int[] _queue = new int[16];
    private int _head;

    // Busy-server microseconds and completions since Started, up to _lastChange.
    private long _busyIntegral;
    private long _lastChange;
    private long _completions;

    // The two latest window boundaries and the integrals there; _previousAt < 0 until one window has passed.
    private long _boundaryAt;
    private long _boundaryBusy;
    private long _boundaryCompletions;
    private long _previousAt = -1;
    private long _previousBusy;
    private long _previousCompletions;

    /// <param name="speed">The accelerator's speed relative to the reference (<see cref="AcceleratorSpeed"/>); 1 for CPU pods.</param>
    public PodServer(Pod pod, long startedAt, double speed = 1.0)
    {
        Pod = pod;
        var workload = pod.Workload;
        Cost = workload.RequestCost!;
        MeanServiceMicroseconds = Math.Max(1, (long)Math.Round(Cost.Mean.Microseconds / speed));
        CpuMilli = pod.Requests.Get(ResourceNames.Cpu);
        Concurrency = workload.Concurrency ?? (int)Math.Max(1, CpuMilli / 1000);
        QueueLimit = workload.QueueLimit ?? int.MaxValue;
        InService = new int[Concurrency];
        Started = startedAt;
        _lastChange = startedAt;
        _boundaryAt = startedAt;
    }

    public Pod Pod { get; }
    public RequestCost Cost { get; }

    /// <summary>The mean service time on this pod: the request cost scaled by its accelerator's speed.</summary>
    public long MeanServiceMicroseconds { get; }
    public long CpuMilli { get; }
    public int Concurrency { get; }
    public int QueueLimit { get; }
    public long Started { get; }

    /// <summary>Ids of the requests in service, in slots [0, Busy).</summary>
    public int[] InService { get; }
    public int Busy { get; private set; }
    public int Queued { get; private set; }

    public void Enqueue(int id)
    {
        if (Queued == _queue.Length)
        {
            var grown = new int[_queue.Length * 2];
            for (int i = 0; i < Queued; i++) grown[i] = _queue[(_head + i) % _queue.Length];
            _queue = grown;
            _head = 0;
        }
        _queue[(_head + Queued) % _queue.Length] = id;
        Queued++;
    }

    public int Dequeue()
    {
        int id = _queue[_head];
        _head = (_head + 1) % _queue.Length;
        Queued--;
        return id;
    }

    /// <summary>Takes a server; returns its slot. The caller advances the integrals first.</summary>
    public int Occupy(int id)
    {
        InService[Busy] = id;
        return Busy++;
    }

    /// <summary>Frees <paramref name="slot"/>; returns the id of the request moved into it, or -1.</summary>
    public int Vacate(int slot)
    {
        int last = --Busy;
        if (slot == last) return -1;
        InService[slot] = InService[last];
        return InService[slot];
    }

    public void CountCompletion() => _completions++;

    /// <summary>Brings the busy integral up to <paramref name="now"/>, closing any window boundary passed on the way.</summary>
    public void Advance(long now, long window)
    {
        while (now >= _boundaryAt + window)
        {
            long at = _boundaryAt + window;
            _previousAt = _boundaryAt;
            _previousBusy = _boundaryBusy;
            _previousCompletions = _boundaryCompletions;
            _boundaryAt = at;
            _boundaryBusy = _busyIntegral + Busy * (at - _lastChange);
            // Completions are counted as they happen, and Advance runs before each one.
            _boundaryCompletions = _completions;
        }
        _busyIntegral += Busy * (now - _lastChange);
        _lastChange = now;
    }

    /// <summary>
    /// Mean busy servers and completions per second over the last whole window; before one has
    /// passed, over the time since the pod started (0 at its very first instant).
    /// </summary>
    public (double BusyServers, double PerSecond) Window(long now, long window)
    {
        Advance(now, window);
        long from, to, busy, done;
        if (_previousAt >= 0)
        {
            (from, to, busy, done) = (_previousAt, _boundaryAt, _boundaryBusy - _previousBusy, _boundaryCompletions - _previousCompletions);
        }
        else
        {
            (from, to, busy, done) = (Started, now, _busyIntegral, _completions);
        }
        if (to <= from) return (Busy, 0);
        double span = to - from;
        return (busy / span, done / (span / 1_000_000.0));
    }
}
