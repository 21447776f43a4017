using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// kube-scheduler's nominator: the pods that preempted and wait for their victims to leave, by
/// the node they were nominated to. Filters see these pods on their node when the pod being
/// scheduled has no higher priority (addNominatedPods), so the room preemption made is kept for
/// the preemptor. A nomination ends when the pod binds (the API server clears
/// nominatedNodeName), is deleted or finishes; such entries are dropped when next looked at.
/// </summary>
public sealed class Nominator
{
    private readonly List<PodInfo> _nominated = [];

    public int Count => _nominated.Count;

    public void Add(PodInfo pod)
    {
        _nominated.RemoveAll(p => p.Pod.Key == pod.Pod.Key);
        _nominated.Add(pod);
    }

    /// <summary>
    /// A copy of <paramref name="node"/> with the pods nominated to it that are at least as
    /// important as <paramref name="pod"/> (and not already on it), or null when there are none:
    /// the normal case, which allocates nothing.
    /// </summary>
    public NodeInfo? WithNominatedPods(PodInfo pod, NodeInfo node)
    {
        if (_nominated.Count == 0) return null;
        NodeInfo? copy = null;
        for (int i = _nominated.Count - 1; i >= 0; i--)
        {
            var nominated = _nominated[i];
            var p = nominated.Pod;
            if (p.IsBound || p.IsTerminal || p.IsTerminating || p.Status.NominatedNodeName.Length == 0)
            {
                _nominated.RemoveAt(i);
                continue;
            }
            if (p.Status.NominatedNodeName != node.Name || ReferenceEquals(p, pod.Pod) || p.Spec.Priority < pod.Pod.Spec.Priority) continue;
            if (Contains(node, p)) continue; // assumed there already (held at Permit)
            copy ??= node.Clone();
            copy.AddPod(p, nominated);
        }
        return copy;
    }

    /// <summary>
    /// Forgets the nominations to <paramref name="nodeName"/> of pods less important than
    /// <paramref name="priority"/> and adds those pods to <paramref name="cleared"/>, oldest
    /// nomination first (getLowerPriorityNominatedPods, for a preemption on that node).
    /// </summary>
    public void RemoveLowerPriority(string nodeName, int priority, List<Api.Pod> cleared)
    {
        for (int i = 0; i < _nominated.Count; i++)
        {
            var p = _nominated[i].Pod;
            if (p.Status.NominatedNodeName == nodeName && p.Spec.Priority < priority) cleared.Add(p);
        }
        _nominated.RemoveAll(p => p.Pod.Status.NominatedNodeName == nodeName && p.Pod.Spec.Priority < priority);
    }

    /// <summary>Forgets a deleted pod's nomination.</summary>
    public void Remove(string podKey) => _nominated.RemoveAll(p => p.Pod.Key == podKey);

    private static bool Contains(NodeInfo node, Api.Pod pod)
    {
        foreach (var p in node.Pods)
            if (ReferenceEquals(p, pod)) return true;
        return false;
    }
}
