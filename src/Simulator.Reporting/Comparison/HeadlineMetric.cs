using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// One number a comparison reports per run. <see cref="Extract"/> returns null when the run has
/// nothing to measure (no completed jobs for a completion time, no requests for a latency): the
/// metric does not apply to that run, which is different from a value of zero.
/// </summary>
public sealed record HeadlineMetric(string Name, string Unit, MetricDirection Direction, string Description, Func<RunResult, double?> Extract)
{
    /// <summary>True when <paramref name="a"/> is better than <paramref name="b"/> in this metric's direction.</summary>
    public bool IsBetter(double a, double b) => Direction == MetricDirection.LowerIsBetter ? a < b : a > b;
}
