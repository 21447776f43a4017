using System.Globalization;
using System.Numerics;
using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The order in which a ReplicaSet's surplus pods are deleted: kube-controller-manager's
/// ActivePodsWithRanks, as getPodsToDelete sorts it. The pod that sorts first goes first:
/// <list type="number">
/// <item>not yet scheduled before scheduled;</item>
/// <item>Pending before Running (Kubernetes puts the deprecated Unknown phase between them; ksim has no Unknown);</item>
/// <item>not Ready before Ready;</item>
/// <item>lower <c>controller.kubernetes.io/pod-deletion-cost</c> first (an unset or invalid value is 0);</item>
/// <item>doubled up first: more active related pods on the same node (the rank);</item>
/// <item>when both are Ready at different times, more recently Ready first, compared in
///   log2 buckets of time since Ready (LogarithmicScaleDown, GA since v1.31), pods in the same
///   bucket by UID, which is a pseudo-random but stable order;</item>
/// <item>more container restarts first;</item>
/// <item>newer creation first, again in log2 buckets of age, then by UID;</item>
/// <item>then by name (Kubernetes leaves full ties to an unstable sort; ksim must be deterministic).</item>
/// </list>
/// </summary>
internal sealed class ActivePodsRanking(IReadOnlyDictionary<Pod, int> ranks, SimTime now) : IComparer<Pod>
{
    public const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>
    /// getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active pods in
    /// <paramref name="related"/> (the pods of every ReplicaSet of the same owner) on its node.
    /// </summary>
    public static ActivePodsRanking For(IReadOnlyCollection<Pod> toRank, IEnumerable<Pod> related, SimTime now)
    {
        var onNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in related)
            if (PodsByOwner.IsActive(p)) onNode[p.Spec.NodeName] = onNode.GetValueOrDefault(p.Spec.NodeName) + 1;
        var ranks = new Dictionary<Pod, int>(toRank.Count, ReferenceEqualityComparer.Instance);
        foreach (var p in toRank) ranks[p] = onNode.GetValueOrDefault(p.Spec.NodeName);
        return new ActivePodsRanking(ranks, now);
    }

    public int Compare(Pod? x, Pod? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;

        if (x.Spec.NodeName != y.Spec.NodeName && (x.Spec.NodeName.Length == 0 || y.Spec.NodeName.Length == 0))
            return x.Spec.NodeName.Length == 0 ? -1 : 1;
        int c = PhaseOrdinal(x.Status.Phase).CompareTo(PhaseOrdinal(y.Status.Phase));
        if (c != 0) return c;
        var xReady = ReadySince(x);
        var yReady = ReadySince(y);
        if (xReady.HasValue != yReady.HasValue) return xReady.HasValue ? 1 : -1;
        c = DeletionCost(x).CompareTo(DeletionCost(y));
        if (c != 0) return c;
        c = ranks.GetValueOrDefault(y).CompareTo(ranks.GetValueOrDefault(x));
        if (c != 0) return c;
        if (xReady is { } xr && yReady is { } yr && xr != yr)
            return ByLogarithmicAge(xr, yr, x, y);
        c = y.Status.RestartCount.CompareTo(x.Status.RestartCount);
        if (c != 0) return c;
        if (x.Metadata.CreationTimestamp != y.Metadata.CreationTimestamp)
            return ByLogarithmicAge(x.Metadata.CreationTimestamp, y.Metadata.CreationTimestamp, x, y);
        return string.CompareOrdinal(x.Name, y.Name);
    }

    /// <summary>The younger bucket first; within one bucket, by UID (logarithmicRankDiff).</summary>
    private int ByLogarithmicAge(SimTime x, SimTime y, Pod px, Pod py)
    {
        long diff = LogBucket(x) - LogBucket(y);
        if (diff != 0) return diff < 0 ? -1 : 1;
        int c = string.CompareOrdinal(px.Metadata.Uid, py.Metadata.Uid);
        return c != 0 ? c : string.CompareOrdinal(px.Name, py.Name);
    }

    /// <summary>floor(log2(age in nanoseconds)), or -1 for no age; nanoseconds as in Go, so the buckets are Kubernetes' own.</summary>
    private long LogBucket(SimTime t)
    {
        long ns = (now - t).Microseconds * 1000;
        return ns > 0 ? BitOperations.Log2((ulong)ns) : -1;
    }

    private static int PhaseOrdinal(PodPhase phase) => phase == PodPhase.Pending ? 0 : 2;

    /// <summary>When the pod became Ready, or null if it is not Ready (podReadyTime).</summary>
    private static SimTime? ReadySince(Pod pod) =>
        pod.Status.GetCondition(PodConditionType.Ready) is { Status: ConditionStatus.True } ready ? ready.LastTransitionTime : null;

    /// <summary>The annotation as an int32; Kubernetes treats a missing or unparsable value as 0.</summary>
    internal static int DeletionCost(Pod pod) =>
        pod.Metadata.Annotations.TryGetValue(DeletionCostAnnotation, out var text)
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost) ? cost : 0;
}
