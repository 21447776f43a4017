using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>One request in flight: a slot of <see cref="RequestPool"/>, named by its index.</summary>
internal struct Request
{
    public long Arrival;

    /// <summary>Arrival plus the Traffic's timeout; long.MaxValue without one.</summary>
    public long Deadline;

    /// <summary>A unit-mean exponential drawn at arrival; scaled by the pod's mean cost if that is exponential.</summary>
    public double Work;
    public ServiceStats Stats;

    /// <summary>The pod serving it or queueing it; null before delivery.</summary>
    public PodServer? Server;

    /// <summary>Its index in the server's in-service table while served.</summary>
    public int Slot;
    public EventHandle Done;

    /// <summary>While the slot is free: the next free slot, or -1.</summary>
    public int NextFree;
}

/// <summary>
/// Requests live in one growable array of structs with a free list, so a request costs no heap
/// allocation once the array has grown to the peak number in flight; events carry the index.
/// </summary>
internal sealed class RequestPool
{
    private Request[] _items = new Request[256];
    private int _free = -1;
    private int _highWater;

    /// <summary>Requests in flight (allocated and not yet released).</summary>
    public int InFlight { get; private set; }

    public ref Request this[int id] => ref _items[id];

    public int Allocate(long arrival, long deadline, double work, ServiceStats stats)
    {
        int id;
        if (_free >= 0)
        {
            id = _free;
            _free = _items[id].NextFree;
        }
        else
        {
            if (_highWater == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            id = _highWater++;
        }
        ref var r = ref _items[id];
        r.Arrival = arrival;
        r.Deadline = deadline;
        r.Work = work;
        r.Stats = stats;
        r.Server = null;
        r.Slot = -1;
        r.Done = EventHandle.None;
        InFlight++;
        return id;
    }

    public void Release(int id)
    {
        ref var r = ref _items[id];
        r.Stats = null!;
        r.Server = null;
        r.NextFree = _free;
        _free = id;
        InFlight--;
    }
}
