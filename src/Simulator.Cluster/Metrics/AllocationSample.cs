namespace Simulator.Cluster.Metrics;

/// <summary>
/// The cluster's GPUs when a trace's arrived workload passed a whole percent of them (a row of
/// allocation.csv). Ratios are of the cluster's GPU capacity in thousandths of a GPU.
/// </summary>
/// <param name="ArrivedPercent">floor(arrived GPU milli x 100 / total GPU milli).</param>
/// <param name="GpuAllocationRatio">Allocated GPU milli / total GPU milli.</param>
/// <param name="UnallocatedGpus">Total GPUs - allocated GPU milli / 1000.</param>
/// <param name="FragmentationRate">Sum over nodes of FGD's node fragmentation / idle GPU milli; null without a target workload.</param>
/// <param name="ArrivedPods">Pods tried so far, placed or not.</param>
/// <param name="FailedPods">Pods that did not fit when tried.</param>
public sealed record AllocationSample(
    int ArrivedPercent, double GpuAllocationRatio, double UnallocatedGpus, double? FragmentationRate, int ArrivedPods, int FailedPods);
