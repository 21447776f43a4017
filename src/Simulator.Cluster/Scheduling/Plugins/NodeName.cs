using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>A pod that names a node fits only that node.</summary>
public sealed class NodeName : IFilterPlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't match the requested node name";

    public string Name => PluginNames.NodeName;

    public ClusterEventKind EventsToRegister => ClusterEventKind.NodeAdd;

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        var wanted = pod.Pod.Spec.NodeName;
        return wanted.Length == 0 || wanted == node.Name ? Status.Success : Status.Unresolvable(Name, Reason);
    }
}
