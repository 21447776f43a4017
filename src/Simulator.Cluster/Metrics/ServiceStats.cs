using Simulator.Cluster.Networking;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// What the requests to one Service did: counters for the current metrics interval and for the
/// whole run, the interval's latencies (exact, in a list reused every interval) and the run's
/// latencies in the run-wide <see cref="RequestLatencyHistogram"/>. Updated on the hot path without allocating.
/// </summary>
public sealed class ServiceStats(string name, RequestLatencyHistogram runLatency)
{
    private readonly List<double> _intervalLatencies = [];

    /// <summary>"namespace/name", or the Traffic's target while it does not resolve.</summary>
    public string Name { get; } = name;

    /// <summary>The Service's ksim.dev/slo-latency in microseconds; null: no SLO.</summary>
    public long? SloMicroseconds { get; set; }

    internal long[] IntervalFailed { get; } = new long[FailureKinds];
    internal long IntervalArrivals { get; set; }
    internal long IntervalCompleted { get; set; }
    internal List<double> IntervalLatencies => _intervalLatencies;

    public long Arrivals { get; private set; }
    public long Completed { get; private set; }
    public long[] Failed { get; } = new long[FailureKinds];
    public long WithinSlo { get; private set; }

    /// <summary>Sum of completed requests' latencies: their mean, and batch means in tests.</summary>
    public long LatencySumMicroseconds { get; private set; }

    /// <summary>no_endpoints, queue_full, timeout, pod_gone: the order of services.csv and summary.json.</summary>
    public const int FailureKinds = 4;

    public void Arrived()
    {
        Arrivals++;
        IntervalArrivals++;
    }

    public void Completion(long latencyMicroseconds)
    {
        Completed++;
        IntervalCompleted++;
        LatencySumMicroseconds += latencyMicroseconds;
        _intervalLatencies.Add(latencyMicroseconds / 1_000_000.0);
        runLatency.Add(latencyMicroseconds);
        if (latencyMicroseconds <= SloMicroseconds) WithinSlo++;
    }

    public void Failure(RequestFailure reason)
    {
        int kind = KindOf(reason);
        Failed[kind]++;
        IntervalFailed[kind]++;
    }

    /// <summary>A name that does not resolve is counted with no_endpoints: either way no pod could be reached.</summary>
    public static int KindOf(RequestFailure reason) => reason switch
    {
        RequestFailure.QueueFull => 1,
        RequestFailure.Timeout => 2,
        RequestFailure.PodGone => 3,
        _ => 0,
    };

    internal void ResetInterval()
    {
        IntervalArrivals = 0;
        IntervalCompleted = 0;
        Array.Clear(IntervalFailed);
        _intervalLatencies.Clear();
    }
}
