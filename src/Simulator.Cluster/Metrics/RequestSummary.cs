namespace Simulator.Cluster.Metrics;

/// <summary>Requests that failed, by reason (a name that did not resolve counts as no endpoints).</summary>
public sealed record RequestFailures(long NoEndpoints, long QueueFull, long Timeout, long PodGone)
{
    public long Total => NoEndpoints + QueueFull + Timeout + PodGone;
}

/// <summary>
/// Every request of the run: summary.json's "requests". Latency percentiles are over completed
/// requests, within 0.2 % (<see cref="RequestLatencyHistogram"/>). <see cref="SloAttainment"/> is the
/// share of finished requests (completed or failed) to Services with a ksim.dev/slo-latency that
/// completed within it; null when no such Service received any.
/// </summary>
public sealed record RequestSummary(
    long Total, long Completed, RequestFailures Failed, double P50Seconds, double P95Seconds, double P99Seconds, double? SloAttainment)
{
    public static readonly RequestSummary None = new(0, 0, new RequestFailures(0, 0, 0, 0), 0, 0, 0, null);
}
