using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>Keeps pods off cordoned nodes unless they tolerate the unschedulable taint.</summary>
public sealed class NodeUnschedulable : IFilterPlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", "", TaintEffect.NoSchedule);

    public string Name => PluginNames.NodeUnschedulable;

    public ClusterEventKind EventsToRegister => ClusterEventKind.NodeAdd | ClusterEventKind.NodeSpecUnschedulableChange | ClusterEventKind.NodeTaintChange;

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        if (!node.Node.Spec.Unschedulable) return Status.Success;
        return Toleration.AnyTolerates(pod.Pod.Spec.Tolerations, UnschedulableTaint)
            ? Status.Success
            : Status.Unresolvable(Name, Reason);
    }
}
