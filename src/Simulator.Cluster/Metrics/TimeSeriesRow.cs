using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// The cluster at one sampling instant: one row of timeseries.csv. Per-resource values are
/// keyed by resource name; <see cref="Requested"/> counts bound, unfinished pods and
/// <see cref="Allocatable"/> counts ready nodes. <see cref="TerminatingPods"/> are pods with a
/// deletion timestamp not yet removed by their kubelet; they are also counted in their phase.
/// <see cref="GpusByModel"/> holds every GPU model seen so far.
/// </summary>
public sealed record TimeSeriesRow(
    SimTime Time,
    int PendingPods,
    int RunningPods,
    int SucceededPods,
    int FailedPods,
    int ReadyNodes,
    int NotReadyNodes,
    int TerminatingPods,
    IReadOnlyDictionary<string, long> Requested,
    IReadOnlyDictionary<string, long> Allocatable)
{
    private static readonly IReadOnlyDictionary<string, GpuModelSample> NoGpus = new Dictionary<string, GpuModelSample>();

    /// <summary>Per GPU model (node accelerator label): thousandths of a GPU allocated and on Ready nodes.</summary>
    public IReadOnlyDictionary<string, GpuModelSample> GpusByModel { get; init; } = NoGpus;

    /// <summary>What running pods on Ready nodes use (CPU millicores, whole GPUs), see <see cref="ResourceUsage"/>; empty when not measured.</summary>
    public IReadOnlyDictionary<string, long> Used { get; init; } = NoUsage;

    private static readonly IReadOnlyDictionary<string, long> NoUsage = new Dictionary<string, long>();

    /// <summary>Cost of the NodePools' nodes from the start of the run to <see cref="Time"/>.</summary>
    public double Cost { get; init; }
}
