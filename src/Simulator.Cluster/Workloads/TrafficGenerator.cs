using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// Plays the ksim.dev Traffic objects: Poisson arrivals at each pattern's rate (random stream
/// <c>traffic/&lt;name&gt;</c>, thinned against <see cref="TrafficRate.Max"/>), each from a client
/// drawn uniformly from [0, Clients). A request resolves its Service (cached per Traffic until the
/// Service is deleted), is routed to one pod by the <see cref="IRequestRouter"/> and handed to
/// <see cref="RequestServers"/>. Arrivals do not keep a run without a duration going: they, the
/// requests in service and the serving pods' readiness probes count as housekeeping.
/// </summary>
public sealed class TrafficGenerator : IEventHandler, IObjectWatcher<Service>, IHousekeeping
{
    private readonly Simulation _sim;
    private readonly RequestRecorder _recorder;
    private readonly List<Source> _sources = [];
    private IRequestRouter? _router;

    private sealed class Source(Traffic traffic, Random random)
    {
        public Traffic Traffic { get; } = traffic;
        public Random Random { get; } = random;
        public double MaxRate { get; } = TrafficRate.Max(traffic.Pattern);

        /// <summary>Where requests are counted while the name does not resolve; created on first use.</summary>
        public ServiceStats? Unresolved { get; set; }
        public Service? Service { get; set; }
        public ServiceStats? Stats { get; set; }
        public EventHandle Next { get; set; }

        /// <summary>Index into the pattern's points, for <see cref="TrafficRate.At"/>.</summary>
        public int Cursor;
    }

    public TrafficGenerator(ClusterStore store, RequestRecorder recorder)
    {
        _sim = store.Simulation;
        _recorder = recorder;
        Servers = new RequestServers(store);
        store.Services.Watch(this);
    }

    public RequestServers Servers { get; }

    /// <summary>What the pods' CPU and request rates look like to metrics-server (read by the HPA).</summary>
    public IPodMetrics PodMetrics => Servers;

    /// <summary>Cluster DNS and kube-proxy. Without one, no name resolves and every request fails.</summary>
    public IRequestRouter? Router
    {
        get => _router;
        set
        {
            _router = value;
            Servers.Router = value;
        }
    }

    public int ArmedHousekeepingTimers
    {
        get
        {
            int armed = Servers.InService + Servers.Probes.Armed;
            foreach (var s in _sources)
                if (_sim.IsPending(s.Next)) armed++;
            return armed;
        }
    }

    public void Add(Traffic traffic)
    {
        var random = _sim.Random.Get("traffic/" + traffic.Name);
        var source = new Source(traffic, random);
        _sources.Add(source);
        if (source.MaxRate <= 0) return;
        var first = SimTime.Max(traffic.Start, _sim.Now) + Gap(source);
        Arm(source, first);
    }

    public void OnObjectEvent(WatchEventType type, Service service)
    {
        if (type != WatchEventType.Deleted) return;
        foreach (var s in _sources)
            if (ReferenceEquals(s.Service, service)) s.Service = null;
    }

    public void OnEvent(object? state, long arg)
    {
        var source = (Source)state!;
        var now = _sim.Now;
        Arm(source, now + Gap(source));
        var pattern = source.Traffic.Pattern;
        if (pattern.Kind != TrafficPatternKind.Constant && source.Random.NextDouble() * source.MaxRate >= TrafficRate.At(pattern, now, ref source.Cursor)) return;
        Arrive(source, now);
    }

    private void Arm(Source source, SimTime at)
    {
        if (source.Traffic.End is { } end && at >= end) return;
        source.Next = _sim.Schedule(at, this, source);
    }

    private SimDuration Gap(Source source) =>
        SimDuration.FromMicroseconds((long)Math.Round(-Math.Log(1.0 - source.Random.NextDouble()) / source.MaxRate * 1_000_000.0));

    private void Arrive(Source source, SimTime now)
    {
        var traffic = source.Traffic;
        // Not Random.Next(int): MathNet's MersenneTwister allocates 32 bytes in it, once per request here.
        int clients = Math.Max(1, traffic.Clients);
        int client = Math.Min(clients - 1, (int)(source.Random.NextDouble() * clients));
        var service = source.Service;
        if (service is null && _router is not null)
        {
            service = source.Service = _router.Resolve(traffic.Target, traffic.Namespace);
            if (service is not null && source.Stats?.Name != service.Metadata.Key)
            {
                source.Stats = _recorder.For(service.Metadata.Key);
                source.Stats.SloMicroseconds = service.SloLatency?.Microseconds;
            }
        }
        var stats = service is null
            ? source.Unresolved ??= _recorder.For(traffic.Namespace + "/" + traffic.Target)
            : source.Stats!;
        stats.Arrived();
        long deadline = traffic.Timeout is { } timeout ? now.Microseconds + timeout.Microseconds : long.MaxValue;
        var servers = Servers;
        int id = servers.Requests.Allocate(now.Microseconds, deadline, servers.DrawWork(), stats);
        if (service is null)
        {
            servers.Fail(id, RequestFailure.NoSuchService);
            return;
        }
        var pod = _router!.Route(service, client, out var failure);
        if (pod is null) servers.Fail(id, failure == RequestFailure.None ? RequestFailure.NoEndpoints : failure);
        else servers.Deliver(pod, id);
    }
}
