using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// A node group's template node (CA's <c>TemplateNodeInfo</c>): a node of the pool as it will
/// look once registered, with everything its kubelet reports (pod capacity, GPU shares), that
/// the scheduler's filters can be asked about. It is a what-if copy: placing pods on it never
/// assigns them GPUs or touches the scheduler cache.
/// </summary>
internal static class TemplateNode
{
    public static NodeInfo For(NodePool pool, string name, ResourceIndex resources)
    {
        var node = pool.NodeNamed(name);
        node.Status.Capacity = Kubelet.Kubelets.Reported(node.Status.Capacity);
        node.Status.Allocatable = Kubelet.Kubelets.Reported(node.Status.Allocatable);
        return new NodeInfo(node, resources).Clone();
    }

    /// <summary>CA's name for a group's n-th template node.</summary>
    public static string Name(string pool, int n) => $"template-node-for-{pool}-{n}";
}
