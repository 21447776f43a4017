using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Request metrics per Service: one <see cref="ServiceInterval"/> per Service that received
/// traffic and per metrics interval (the interval of <see cref="MetricsRecorder"/>, sampled at
/// the same instants: it is one of its <see cref="IIntervalSampler"/>s), and the run's <see cref="RequestSummary"/>. The counting itself happens
/// in <see cref="ServiceStats"/>, which the serving model updates.
/// </summary>
public sealed class RequestRecorder : IIntervalSampler
{
    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly List<ServiceStats> _services = [];
    private readonly Dictionary<string, ServiceStats> _byName = new(StringComparer.Ordinal);
    private readonly List<ServiceInterval> _rows = [];
    private readonly RequestLatencyHistogram _latency = new();
    // Intervals start at time 0: the sample taken then closes nothing and is skipped.
    private SimTime _lastSample = SimTime.Zero;

    public RequestRecorder(ClusterStore store)
    {
        _store = store;
        _sim = store.Simulation;
    }

    /// <summary>By time, then by Service in the order each first received traffic.</summary>
    public IReadOnlyList<ServiceInterval> Intervals => _rows;

    /// <summary>The counters for <paramref name="name"/>, created on first use.</summary>
    public ServiceStats For(string name)
    {
        if (!_byName.TryGetValue(name, out var stats))
        {
            stats = new ServiceStats(name, _latency);
            _byName.Add(name, stats);
            _services.Add(stats);
        }
        return stats;
    }

    /// <summary>Closes the interval that ends now (the last one may be shorter).</summary>
    public void Sample()
    {
        var now = _sim.Now;
        if (now <= _lastSample) return;
        _lastSample = now;
        foreach (var s in _services)
        {
            var latencies = s.IntervalLatencies;
            latencies.Sort();
            var failed = s.IntervalFailed;
            _rows.Add(new ServiceInterval(now, s.Name, s.IntervalArrivals, s.IntervalCompleted,
                failed[0], failed[1], failed[2], failed[3],
                Percentiles.NearestRank(latencies, 50), Percentiles.NearestRank(latencies, 95), Percentiles.NearestRank(latencies, 99),
                ReadyEndpoints(s.Name)) { SloSeconds = s.SloMicroseconds / 1_000_000.0 });
            s.ResetInterval();
        }
    }

    /// <summary>Ready endpoints over the Service's EndpointSlices (a scan, once per interval).</summary>
    private int ReadyEndpoints(string serviceKey)
    {
        int slash = serviceKey.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return 0;
        var ns = serviceKey.AsSpan(0, slash);
        var name = serviceKey.AsSpan(slash + 1);
        int ready = 0;
        foreach (var slice in _store.EndpointSlices.Items)
        {
            if (!name.SequenceEqual(slice.ServiceName) || !ns.SequenceEqual(slice.Metadata.Namespace)) continue;
            foreach (var e in slice.Endpoints)
                if (e.Conditions.Ready) ready++;
        }
        return ready;
    }

    public RequestSummary Summarize()
    {
        if (_services.Count == 0) return RequestSummary.None;
        long arrivals = 0, completed = 0, sloFinished = 0, sloMet = 0;
        var failed = new long[ServiceStats.FailureKinds];
        foreach (var s in _services)
        {
            arrivals += s.Arrivals;
            completed += s.Completed;
            long sFailed = 0;
            for (int i = 0; i < failed.Length; i++)
            {
                failed[i] += s.Failed[i];
                sFailed += s.Failed[i];
            }
            if (s.SloMicroseconds is null) continue;
            sloFinished += s.Completed + sFailed;
            sloMet += s.WithinSlo;
        }
        return new RequestSummary(arrivals, completed, new RequestFailures(failed[0], failed[1], failed[2], failed[3]),
            _latency.Percentile(50), _latency.Percentile(95), _latency.Percentile(99),
            sloFinished == 0 ? null : (double)sloMet / sloFinished);
    }
}
