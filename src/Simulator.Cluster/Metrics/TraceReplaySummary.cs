namespace Simulator.Cluster.Metrics;

/// <summary>A reason of FailedScheduling messages and how many failed pods gave it.</summary>
public sealed record FailureReasonCount(string Reason, int Pods);

/// <summary>
/// summary.json's trace_replay section: what a TraceReplay submitted and, in fill mode, the GPU
/// allocation at 90, 100, 110, 120 and 130 % arrived workload and the failed pods by reason.
/// </summary>
public sealed record TraceReplaySummary(
    string Name,
    string Mode,
    long TotalGpuMilli,
    int PodsSubmitted,
    int FailedPods,
    IReadOnlyList<AllocationSample> AtArrivedPercent,
    IReadOnlyList<FailureReasonCount> FailedByReason)
{
    /// <summary>The arrived percentages summary.json reports, as the FGD paper's Figure 9 reads them.</summary>
    public static readonly int[] ReportedPercents = [90, 100, 110, 120, 130];
}
