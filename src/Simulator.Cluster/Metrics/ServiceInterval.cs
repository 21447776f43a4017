using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Requests to one Service over one metrics interval ending at <see cref="Time"/>: one row of
/// services.csv. Latency percentiles are exact (nearest rank) over the interval's completions, 0
/// when none; <see cref="Endpoints"/> counts the Service's ready endpoints at <see cref="Time"/>.
/// </summary>
public sealed record ServiceInterval(
    SimTime Time,
    string Service,
    long Arrivals,
    long Completed,
    long FailedNoEndpoints,
    long FailedQueueFull,
    long FailedTimeout,
    long FailedPodGone,
    double LatencyP50Seconds,
    double LatencyP95Seconds,
    double LatencyP99Seconds,
    int Endpoints)
{
    /// <summary>The Service's ksim.dev/slo-latency in seconds; null: no SLO (charts draw it as a line).</summary>
    public double? SloSeconds { get; init; }
}
