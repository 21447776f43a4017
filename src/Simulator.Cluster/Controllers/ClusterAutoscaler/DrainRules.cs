using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>What a scale-down does with one pod of the node it would remove.</summary>
internal enum PodDrainVerdict
{
    /// <summary>Nothing to move: a DaemonSet's pod (it goes with the node) or a pod that has finished or is being deleted.</summary>
    Ignore,

    /// <summary>Evicted and re-created elsewhere by its controller: the node can go if there is room for it.</summary>
    Move,

    /// <summary>The pod keeps the node (CA's <c>BlockingPodReason</c>).</summary>
    Blocked,
}

/// <summary>
/// CA's drainability rules (<c>simulator/drainability/rules</c>), the ones ksim's objects can
/// meet, in CA's order: an annotation <c>cluster-autoscaler.kubernetes.io/safe-to-evict: "true"</c>
/// makes any pod movable; a DaemonSet's pod is not moved; a pod no controller owns would be lost
/// (NotReplicated); a kube-system pod needs a PodDisruptionBudget (UnmovableKubeSystemPod); a pod
/// annotated <c>safe-to-evict: "false"</c> keeps its node (NotSafeToEvictAnnotation). Budgets are
/// checked by the caller, across all the nodes of one pass (NotEnoughPdb). ksim has no volumes,
/// so CA's local-storage rule never applies.
/// </summary>
internal static class DrainRules
{
    public const string SafeToEvictAnnotation = "cluster-autoscaler.kubernetes.io/safe-to-evict";

    /// <summary>CA's PodLongTerminatingExtraThreshold: past its grace period by this much, a terminating pod counts as gone.</summary>
    public static readonly SimDuration LongTerminatingExtra = SimDuration.FromSeconds(30);

    /// <summary>
    /// CA's IsPodLongTerminating: deleted longer ago than its grace period plus 30 s. Such pods (on a
    /// dead node, whose kubelet will never confirm them gone) neither count towards utilization
    /// nor need a new place.
    /// </summary>
    public static bool IsLongTerminating(Pod pod, SimTime now) =>
        pod.Metadata.DeletionTimestamp is { } deleted
        && deleted + (pod.Metadata.DeletionGracePeriod ?? pod.Spec.TerminationGracePeriod) + LongTerminatingExtra < now;

    public static (PodDrainVerdict Verdict, string Reason) Classify(Pod pod, bool coveredByBudget, SimTime now)
    {
        // A pod being deleted already has its replacement coming; one long past its grace period is gone for CA.
        if (pod.IsTerminal || pod.IsTerminating) return (PodDrainVerdict.Ignore, "");
        var safeToEvict = pod.Metadata.Annotations.GetValueOrDefault(SafeToEvictAnnotation);
        if (safeToEvict == "true") return (PodDrainVerdict.Move, "");
        var controller = pod.Metadata.Controller;
        if (controller?.Kind == "DaemonSet") return (PodDrainVerdict.Ignore, "");
        if (controller is null) return (PodDrainVerdict.Blocked, "NotReplicated");
        if (pod.Metadata.Namespace == "kube-system" && !coveredByBudget) return (PodDrainVerdict.Blocked, "UnmovableKubeSystemPod");
        if (safeToEvict == "false") return (PodDrainVerdict.Blocked, "NotSafeToEvictAnnotation");
        return (PodDrainVerdict.Move, "");
    }
}
