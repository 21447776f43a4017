using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>
/// FGD's within-node choice (the artifact's allocateGpuIdBasedOnFGDScore): a share goes to the
/// GPU that leaves the node's fragmentation lowest (lowest index on ties); whole GPUs are the
/// lowest-indexed entirely free ones, as by default, since which free GPUs a whole-GPU pod takes
/// does not change the fragmentation. Runs once per placed pod, so it does not cache.
/// </summary>
public sealed class LeastFragmentationGpuSelector(TargetWorkload workload) : IGpuSelector
{
    private readonly WeightedShape[] _shapes = [.. workload.Shapes];
    private bool[] _access = [];

    public int[]? Choose(PodInfo pod, NodeInfo node, GpuDemand demand)
    {
        if (!demand.IsShare) return BestFitGpuSelector.Instance.Choose(pod, node, demand);
        if (_access.Length != _shapes.Length) _access = new bool[_shapes.Length];
        NodeFragmentation.Access(NodeFragmentation.ModelOf(node), _shapes, _access);
        NodeFragmentation.LeastAfter(node, PodShape.Of(pod.Pod), _shapes, _access, out int gpu);
        return gpu >= 0 ? [gpu] : null;
    }
}
