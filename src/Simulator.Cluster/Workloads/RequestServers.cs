using Simulator.Cluster.Api;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// The serving model: every pod with a <c>ksim.dev/request-cost</c> serves requests while it is
/// up, with <see cref="PodServer.Concurrency"/> servers and a FIFO queue. A pod is up while it is
/// Running with ContainersReady True (its container runs: not in CrashLoopBackOff), or False only
/// because its <see cref="ReadinessProbes">readiness probe</see> fails, and its node's kubelet is
/// alive. A terminating pod stays up: its process drains what it has, and gets new
/// requests only if kube-proxy still sends them (to serving terminating endpoints), until the
/// kubelet removes it after its grace period. When a pod goes down (deleted, finished, container
/// exited, node failed) every request it queues or serves fails at once with PodGone.
/// <para>
/// Exponential service times come from the stream "requests", one unit draw per arrival in
/// arrival order, scaled by the serving pod's mean: the n-th request needs the same work whichever
/// pod the load balancer picks, so policies compared on one seed see the same requests (common
/// random numbers), which drawing at service start would not give.
/// </para>
/// <para>
/// Per request: one completion event (or a timeout event instead, when the deadline comes before
/// the service ends). A request whose deadline passes while it waits is failed with Timeout
/// when it reaches the head of the queue, as a server notices a gone client when it picks the
/// request up; it holds its queue place until then.
/// </para>
/// </summary>
public sealed class RequestServers : IPodWatcher, INodeWatcher, IEventHandler, IPodMetrics
{
    /// <summary>The stream exponential service times are drawn from.</summary>
    public const string StreamName = "requests";

    /// <summary>
    /// The window CPU usage and request rate are averaged over: metrics-server's resolution is
    /// 15-60 s (its default scrape is 15 s, the kubelet's cAdvisor window up to a minute).
    /// </summary>
    public static readonly SimDuration MetricsWindow = SimDuration.FromSeconds(30);

    private const long TimeoutFlag = 1L << 32;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly Random _random;
    private readonly Dictionary<Pod, PodServer> _servers = new(ReferenceEqualityComparer.Instance);
    private readonly List<PodServer> _stopping = [];
    private readonly long _window = MetricsWindow.Microseconds;

    public RequestServers(ClusterStore store)
    {
        _store = store;
        _sim = store.Simulation;
        _random = _sim.Random.Get(StreamName);
        Probes = new ReadinessProbes(store);
        store.Watch((IPodWatcher)this);
        store.Watch((INodeWatcher)this);
    }

    internal RequestPool Requests { get; } = new();

    /// <summary>The readiness probes of the serving pods.</summary>
    internal ReadinessProbes Probes { get; }

    /// <summary>Told when a delivered request ends (least-connections counts open connections); set by the traffic generator.</summary>
    internal IRequestRouter? Router { get; set; }

    /// <summary>Completion and timeout events pending: one per request in service.</summary>
    public int InService { get; private set; }

    public int ServingPods => _servers.Count;

    internal PodServer? ServerOf(Pod pod) => _servers.GetValueOrDefault(pod);

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod.Workload.RequestCost is null) return;
        bool up = type != WatchEventType.Deleted && IsUp(pod);
        bool serving = _servers.TryGetValue(pod, out var server);
        if (up && !serving)
        {
            server = new PodServer(pod, _sim.Now.Microseconds, AcceleratorSpeed.For(pod, _store.GetNode(pod.Spec.NodeName)));
            _servers.Add(pod, server);
            Probes.Start(server);
        }
        else if (!up && serving)
        {
            Stop(server!);
        }
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type != WatchEventType.Deleted && node.Status.HeartbeatStoppedAt is null) return;
        foreach (var server in _servers.Values)
            if (server.Pod.Spec.NodeName == node.Name) _stopping.Add(server);
        foreach (var server in _stopping) Stop(server);
        _stopping.Clear();
    }

    private bool IsUp(Pod pod)
    {
        if (pod.Status.Phase != PodPhase.Running) return false;
        // A failed readiness probe leaves ContainersReady False while the container runs on; an
        // exit (CrashLoopBackOff) also clears it, and then the process is gone.
        bool probedUnready = _servers.TryGetValue(pod, out var server) && Probes.HoldsUnready(server)
            && pod.Status.Reason != Kubelet.Kubelet.CrashLoopBackOffReason;
        if (!probedUnready && pod.Status.GetCondition(PodConditionType.ContainersReady) is not { Status: ConditionStatus.True }) return false;
        var node = _store.GetNode(pod.Spec.NodeName);
        return node is not null && node.Status.HeartbeatStoppedAt is null;
    }

    /// <summary>Hands a routed request to its pod: served at once, queued, or failed (QueueFull, PodGone).</summary>
    internal void Deliver(Pod pod, int id)
    {
        ref var r = ref Requests[id];
        if (!_servers.TryGetValue(pod, out var server))
        {
            // Routed to a pod that is not up (its endpoint not yet removed) or does not serve: refused.
            End(id, RequestFailure.PodGone);
            return;
        }
        if (server.Busy < server.Concurrency)
        {
            Router?.ConnectionOpened(pod);
            r.Server = server;
            Start(server, id);
        }
        else if (server.Queued < server.QueueLimit)
        {
            Router?.ConnectionOpened(pod);
            r.Server = server;
            server.Enqueue(id);
        }
        else
        {
            End(id, RequestFailure.QueueFull);
        }
    }

    private void Start(PodServer server, int id)
    {
        ref var r = ref Requests[id];
        long now = _sim.Now.Microseconds;
        long end = now + ServiceTime(server, r.Work);
        server.Advance(now, _window);
        r.Slot = server.Occupy(id);
        InService++;
        r.Done = r.Deadline < end
            ? _sim.Schedule(new SimTime(r.Deadline), this, server, id + TimeoutFlag)
            : _sim.Schedule(new SimTime(end), this, server, id);
    }

    private static long ServiceTime(PodServer server, double work)
    {
        long mean = server.MeanServiceMicroseconds;
        return server.Cost.Distribution == RequestCostDistribution.Constant ? mean : (long)Math.Round(work * mean);
    }

    /// <summary>The next request's unit of work: Exp(1), drawn for every arrival so that the sequence never depends on routing.</summary>
    internal double DrawWork() => -Math.Log(1.0 - _random.NextDouble());

    /// <summary>A request's service ended (or its deadline came first): free the server, then start the queue's head.</summary>
    public void OnEvent(object? state, long arg)
    {
        var server = (PodServer)state!;
        int id = (int)(arg & 0xFFFF_FFFF);
        long now = _sim.Now.Microseconds;
        server.Advance(now, _window);
        Leave(server, id);
        if ((arg & TimeoutFlag) != 0)
        {
            End(id, RequestFailure.Timeout);
        }
        else
        {
            server.CountCompletion();
            ref var r = ref Requests[id];
            r.Stats.Completion(now - r.Arrival);
            Router?.ConnectionClosed(server.Pod);
            Requests.Release(id);
        }
        while (server.Busy < server.Concurrency && server.Queued > 0)
        {
            int next = server.Dequeue();
            if (Requests[next].Deadline <= now) End(next, RequestFailure.Timeout);
            else Start(server, next);
        }
    }

    private void Leave(PodServer server, int id)
    {
        int moved = server.Vacate(Requests[id].Slot);
        if (moved >= 0) Requests[moved].Slot = Requests[id].Slot;
        InService--;
    }

    /// <summary>A request fails: counted, its connection (if it had one) closed, its slot freed.</summary>
    private void End(int id, RequestFailure reason)
    {
        ref var r = ref Requests[id];
        r.Stats.Failure(reason);
        if (r.Server is { } server) Router?.ConnectionClosed(server.Pod);
        Requests.Release(id);
    }

    /// <summary>A request that never reached a pod fails.</summary>
    internal void Fail(int id, RequestFailure reason) => End(id, reason);

    private void Stop(PodServer server)
    {
        _servers.Remove(server.Pod);
        Probes.Stop(server);
        server.Advance(_sim.Now.Microseconds, _window);
        while (server.Busy > 0)
        {
            int id = server.InService[server.Busy - 1];
            _sim.Cancel(Requests[id].Done);
            Leave(server, id);
            End(id, RequestFailure.PodGone);
        }
        while (server.Queued > 0) End(server.Dequeue(), RequestFailure.PodGone);
    }

    /// <summary>
    /// Busy servers / concurrency x the CPU request, averaged over the last whole
    /// <see cref="MetricsWindow"/> (windows aligned to the pod's start, as a scrape reports the
    /// last completed one); within its first window, over the time since it started. False for a
    /// pod that is not up or does not serve requests.
    /// </summary>
    public bool TryGetCpuUsage(Pod pod, out long milliCpu)
    {
        milliCpu = 0;
        if (!_servers.TryGetValue(pod, out var server)) return false;
        var (busy, _) = server.Window(_sim.Now.Microseconds, _window);
        milliCpu = (long)Math.Round(busy / server.Concurrency * server.CpuMilli);
        return true;
    }

    /// <summary>Requests completed per second over the same window as <see cref="TryGetCpuUsage"/>.</summary>
    public bool TryGetRequestsPerSecond(Pod pod, out double rate)
    {
        rate = 0;
        if (!_servers.TryGetValue(pod, out var server)) return false;
        (_, rate) = server.Window(_sim.Now.Microseconds, _window);
        return true;
    }
}
