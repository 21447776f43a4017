using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// One way to scale up: add <see cref="NodeCount"/> nodes to node group (NodePool)
/// <see cref="Pool"/> so that <see cref="PodCount"/> pending pods fit (Cluster Autoscaler's
/// <c>expander.Option</c>). The template node's resources are its capacity, as CA's least-waste
/// expander reads them (<c>node.Status.Capacity</c>), in ksim's base units: CPU in millicores,
/// memory in bytes, GPUs whole.
/// </summary>
/// <param name="Pool">The NodePool (node group) name.</param>
/// <param name="Priority">The pool's <c>spec.autoscaling.priority</c>, for the priority expander.</param>
/// <param name="PricePerHour">One node of the pool for one hour, for the price expander.</param>
/// <param name="NodeCpuMilli">One template node's CPU.</param>
/// <param name="NodeMemoryBytes">One template node's memory.</param>
/// <param name="NodeGpus">One template node's <c>nvidia.com/gpu</c>.</param>
/// <param name="NodeCount">New nodes the option adds.</param>
/// <param name="PodCount">Pending pods the new nodes would place.</param>
/// <param name="PodCpuMilli">Those pods' summed CPU requests.</param>
/// <param name="PodMemoryBytes">Those pods' summed memory requests.</param>
public sealed record ExpansionOption(
    string Pool,
    int Priority,
    double PricePerHour,
    long NodeCpuMilli,
    long NodeMemoryBytes,
    long NodeGpus,
    int NodeCount,
    int PodCount,
    long PodCpuMilli,
    long PodMemoryBytes)
{
    /// <summary>An option for <paramref name="pool"/>, its template read from the pool's capacity.</summary>
    public static ExpansionOption For(NodePool pool, int nodeCount, int podCount, long podCpuMilli, long podMemoryBytes) =>
        new(pool.Name,
            pool.Autoscaling?.Priority ?? 0,
            pool.PricePerHour,
            pool.Capacity.Get(ResourceNames.Cpu),
            pool.Capacity.Get(ResourceNames.Memory),
            pool.Capacity.Get(ResourceNames.NvidiaGpu),
            nodeCount, podCount, podCpuMilli, podMemoryBytes);
}
