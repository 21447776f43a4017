using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The pods bound to each node, as the shared pod informer's spec.nodeName indexer gives
/// kube-controller-manager's node lifecycle, taint eviction and pod GC controllers
/// (getPodsAssignedToNode). Kept incrementally so that a node event never scans every pod.
/// <para>
/// It must be watching before the controllers that read it, so that it has seen a change by the
/// time they are told of it. Callers that write to the store while walking a node's pods walk a
/// copy (<see cref="Snapshot"/>): the write may remove a pod from the list.
/// </para>
/// </summary>
public sealed class PodsByNodeIndex : IPodWatcher
{
    private static readonly IReadOnlyList<Pod> None = [];

    private readonly Dictionary<string, List<Pod>> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeOfPod = new(StringComparer.Ordinal);

    public PodsByNodeIndex(ClusterStore store) => store.Watch(this);

    /// <summary>The pods bound to <paramref name="nodeName"/>, in binding order (live; do not write while walking it).</summary>
    public IReadOnlyList<Pod> On(string nodeName) => _byNode.TryGetValue(nodeName, out var pods) ? pods : None;

    /// <summary>A copy of <see cref="On"/>, safe to walk while writing to the store.</summary>
    public Pod[] Snapshot(string nodeName) => _byNode.TryGetValue(nodeName, out var pods) ? [.. pods] : [];

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (type == WatchEventType.Deleted)
        {
            if (!_nodeOfPod.Remove(pod.Key, out var node)) return;
            var list = _byNode[node];
            list.Remove(pod);
            if (list.Count == 0) _byNode.Remove(node);
            return;
        }
        // A pod's node never changes once bound, so only the first bound notification matters.
        if (!pod.IsBound || _nodeOfPod.ContainsKey(pod.Key)) return;
        _nodeOfPod.Add(pod.Key, pod.Spec.NodeName);
        if (!_byNode.TryGetValue(pod.Spec.NodeName, out var pods)) _byNode.Add(pod.Spec.NodeName, pods = []);
        pods.Add(pod);
    }
}
