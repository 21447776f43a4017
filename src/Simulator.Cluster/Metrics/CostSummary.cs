namespace Simulator.Cluster.Metrics;

/// <summary>One NodePool's node-hours (registration to removal or the run's end) and their cost.</summary>
public sealed record PoolCost(string Pool, double NodeHours, double Cost);

/// <summary>
/// summary.json's "cost". <see cref="Total"/> = Σ pools' cost, in the scenario's currency (ksim
/// does not name one). <see cref="IdleGpuHours"/> = ∫ (GPUs on Ready nodes − GPUs allocated to
/// bound, unfinished pods) dt, ksim.dev/gpu-milli shares counted as fractions of a GPU.
/// <see cref="Priced"/> is true when any pool has a price above 0.
/// </summary>
public sealed record CostSummary(double Total, IReadOnlyList<PoolCost> ByPool, double IdleGpuHours, bool Priced)
{
    public static readonly CostSummary None = new(0, [], 0, false);

    /// <summary>Total over the Jobs that completed; null when none did.</summary>
    public double? PerCompletedJob(int completedJobs) => completedJobs > 0 ? Total / completedJobs : null;

    /// <summary>Total over the requests served (completed), times a million; null when none were.</summary>
    public double? PerMillionRequests(long completedRequests) => completedRequests > 0 ? Total / completedRequests * 1_000_000 : null;
}
