using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// What the scheduler does with DefaultPreemption's answer (kube-scheduler's
/// Evaluator.prepareCandidate and the nomination it records): nominate the node, remove the
/// victims, and clear nominations that no longer hold. The plugin only chooses; this acts, by
/// writing to the store.
/// </summary>
internal sealed class PreemptionActions(ClusterStore store, WaitingPodMap waiting, Nominator nominator)
{
    private readonly List<Pod> _cleared = [];

    /// <summary>
    /// Nominates <paramref name="nodeName"/> for the preemptor and removes its victims: bound
    /// victims are deleted and leave after their grace period; victims waiting at Permit are rejected.
    /// </summary>
    public void Preempt(QueuedPodInfo preemptor, string nodeName, IReadOnlyList<Pod> victims)
    {
        var pod = preemptor.Pod;
        pod.Status.NominatedNodeName = nodeName;
        nominator.Add(preemptor.Info);
        foreach (var victim in victims)
        {
            store.RecordEvent(EventType.Normal, "Preempted", "Pod", victim.Key,
                $"Preempted by pod {pod.Metadata.Uid} on node {nodeName}", pod.Spec.SchedulerName);
            // A victim held at Permit is not bound yet, so it is rejected (its reservation undone,
            // the same pod back in the queue) rather than deleted.
            if (waiting.Get(victim.Key) is { } held) held.Reject(PluginNames.DefaultPreemption, "preempted");
            else store.DeletePod(victim);
        }
        // Lower-priority pods nominated to this node may no longer fit there, so their nomination
        // is cleared (a status update; they stay where they are in the queue).
        _cleared.Clear();
        nominator.RemoveLowerPriority(nodeName, pod.Spec.Priority, _cleared);
        foreach (var other in _cleared)
        {
            other.Status.NominatedNodeName = "";
            store.UpdatePodStatus(other);
        }
    }

    /// <summary>
    /// Preemption found no candidate for a pod that had a nomination: kube-scheduler's answer of
    /// nominated node "" clears it. The caller's status update carries the change.
    /// </summary>
    public void ClearNomination(Pod pod)
    {
        if (pod.Status.NominatedNodeName.Length == 0) return;
        pod.Status.NominatedNodeName = "";
        nominator.Remove(pod.Key);
    }
}
