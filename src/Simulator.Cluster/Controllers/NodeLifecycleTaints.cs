using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>The node lifecycle controller's taint and condition helpers (kube's taintutils and controllerutil).</summary>
internal static class NodeLifecycleTaints
{
    /// <summary>
    /// doNoScheduleTaintingPass for the Ready condition: unreachable:NoSchedule while Unknown,
    /// not-ready:NoSchedule while False, neither while True. Returns whether the taints changed.
    /// </summary>
    public static bool SyncNoScheduleTaints(Node node)
    {
        Taint? wanted = ReadyStatus(node) switch
        {
            ConditionStatus.Unknown => NodeLifecycleController.UnreachableNoSchedule,
            ConditionStatus.False => NodeLifecycleController.NotReadyNoSchedule,
            _ => null,
        };
        bool hasUnreachable = HasTaint(node, NodeLifecycleController.UnreachableNoSchedule);
        bool hasNotReady = HasTaint(node, NodeLifecycleController.NotReadyNoSchedule);
        if (wanted == NodeLifecycleController.UnreachableNoSchedule && hasUnreachable && !hasNotReady) return false;
        if (wanted == NodeLifecycleController.NotReadyNoSchedule && hasNotReady && !hasUnreachable) return false;
        if (wanted is null && !hasUnreachable && !hasNotReady) return false;
        var taints = Without(node.Spec.Taints, NodeLifecycleController.UnreachableNoSchedule, NodeLifecycleController.NotReadyNoSchedule);
        if (wanted is not null) taints.Add(wanted);
        // A new list: the scheduler's cache notices taint changes by reference.
        node.Spec.Taints = taints;
        return true;
    }

    public static List<Taint> Without(IReadOnlyList<Taint> taints, Taint a, Taint b)
    {
        var result = new List<Taint>(taints.Count + 1);
        foreach (var t in taints)
            if (!SameTaint(t, a) && !SameTaint(t, b)) result.Add(t);
        return result;
    }

    /// <summary>kube's TaintExists compares key and effect only.</summary>
    public static bool HasTaint(Node node, Taint taint)
    {
        foreach (var t in node.Spec.Taints)
            if (SameTaint(t, taint)) return true;
        return false;
    }

    public static bool SameTaint(Taint a, Taint b) => a.Key == b.Key && a.Effect == b.Effect;

    /// <summary>The Ready condition's status, or null before the kubelet ever posted one.</summary>
    public static ConditionStatus? ReadyStatus(Node node)
    {
        foreach (var c in node.Status.Conditions)
            if (c.Type == NodeConditionType.Ready) return c.Status;
        return null;
    }
}
