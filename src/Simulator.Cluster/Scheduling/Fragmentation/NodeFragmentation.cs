using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>
/// FGD's measure of how much of a node's idle GPU capacity the target workload cannot use, in GPU
/// thousandths: for each shape, the idle milli that shape could not use (all of it when the shape
/// does not fit the node at all, otherwise the idle milli of GPUs with less free share than the
/// shape needs), weighted by the shape's frequency and summed.
/// </summary>
public static class NodeFragmentation
{
    /// <summary>The node's fragmentation for <paramref name="workload"/>, in GPU thousandths.</summary>
    public static double Of(NodeInfo node, TargetWorkload workload) =>
        throw new NotImplementedException("built with the FGD policy");
}
