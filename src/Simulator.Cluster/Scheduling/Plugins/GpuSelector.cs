using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Which of a node's GPUs a pod gets, once the node is chosen: the within-node half of a GPU
/// placement policy (FGD chooses the GPU that leaves the least fragmentation; the default is
/// <see cref="BestFitGpuSelector"/>). <see cref="GpuShare"/> calls it at Reserve.
/// </summary>
public interface IGpuSelector
{
    /// <summary>The GPU indices for <paramref name="demand"/> on <paramref name="node"/>, or null if it does not fit.</summary>
    int[]? Choose(PodInfo pod, NodeInfo node, GpuDemand demand);
}

/// <summary>
/// ksim's default: whole GPUs are the lowest-indexed entirely free ones, a share goes to the best
/// fit (<see cref="GpuAssignment.Choose"/>).
/// </summary>
public sealed class BestFitGpuSelector : IGpuSelector
{
    public static readonly BestFitGpuSelector Instance = new();

    public int[]? Choose(PodInfo pod, NodeInfo node, GpuDemand demand) => GpuAssignment.Choose(node.GpuUsedMilli, node.GpuCount, demand);
}
