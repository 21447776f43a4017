using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// What the Deployment controller does when <c>spec.replicas</c> changes (its <c>scale</c>): a
/// lone active ReplicaSet simply takes the new size; a saturated new ReplicaSet makes the old ones
/// go to zero; and in the middle of a rolling update the change is shared among the active
/// ReplicaSets in proportion to their sizes, so that a rollout and a resize (an HPA acting
/// mid-rollout, say) do not fight. The returned sizes are applied in order.
/// </summary>
internal static class ProportionalScaling
{
    public readonly record struct Step(ReplicaSet Rs, int Replicas, bool AlwaysWrite);

    /// <summary>isScalingEvent: an active ReplicaSet was last sized for a different spec.replicas.</summary>
    public static bool IsScalingEvent(Deployment d, ReplicaSet? newRs, IReadOnlyList<ReplicaSet> oldRs)
    {
        foreach (var rs in oldRs.Append(newRs))
        {
            if (rs is null || rs.Spec.Replicas <= 0) continue;
            if (DeploymentAnnotations.IntOf(rs, DeploymentAnnotations.DesiredReplicas) is { } desired && desired != d.Spec.Replicas)
                return true;
        }
        return false;
    }

    public static List<Step> Plan(Deployment d, ReplicaSet? newRs, IReadOnlyList<ReplicaSet> oldRs)
    {
        var plan = new List<Step>();
        int replicas = d.Spec.Replicas;
        if (ActiveOrLatest(newRs, oldRs) is { } lone)
        {
            if (lone.Spec.Replicas != replicas) plan.Add(new Step(lone, replicas, false));
            return plan;
        }
        if (IsSaturated(d, newRs))
        {
            foreach (var old in oldRs)
                if (old.Spec.Replicas > 0) plan.Add(new Step(old, 0, false));
            return plan;
        }
        if (!RollingUpdate.IsRollingUpdate(d)) return plan;

        var active = oldRs.Append(newRs).OfType<ReplicaSet>().Where(rs => rs.Spec.Replicas > 0).ToList();
        int allowed = replicas > 0 ? replicas + RollingUpdate.MaxSurge(d) : 0;
        int toAdd = allowed - RollingUpdate.SpecReplicas(active);
        // Growth goes first to the largest and newest, shrinking first to the largest and oldest
        // (ReplicaSetsBySizeNewer / BySizeOlder); the first one also takes the rounding leftover.
        active.Sort((a, b) =>
        {
            int bySize = b.Spec.Replicas.CompareTo(a.Spec.Replicas);
            if (bySize != 0) return bySize;
            int byAge = a.Metadata.CreationTimestamp.CompareTo(b.Metadata.CreationTimestamp);
            if (byAge == 0) byAge = string.CompareOrdinal(a.Name, b.Name);
            return toAdd > 0 ? -byAge : byAge;
        });
        int added = 0;
        var sizes = new int[active.Count];
        for (int i = 0; i < active.Count; i++)
        {
            int proportion = toAdd == 0 ? 0 : Proportion(active[i], d, toAdd, added);
            sizes[i] = active[i].Spec.Replicas + proportion;
            added += proportion;
        }
        for (int i = 0; i < active.Count; i++)
        {
            if (i == 0 && toAdd != 0) sizes[0] = Math.Max(0, sizes[0] + toAdd - added);
            plan.Add(new Step(active[i], sizes[i], true));
        }
        return plan;
    }

    /// <summary>FindActiveOrLatest: the only active ReplicaSet, or the newest one if none is active; null if several are.</summary>
    private static ReplicaSet? ActiveOrLatest(ReplicaSet? newRs, IReadOnlyList<ReplicaSet> oldRs)
    {
        if (newRs is null && oldRs.Count == 0) return null;
        ReplicaSet? onlyActive = null;
        int activeCount = 0;
        foreach (var rs in oldRs.Append(newRs))
        {
            if (rs is null || rs.Spec.Replicas <= 0) continue;
            activeCount++;
            onlyActive = rs;
        }
        if (activeCount == 1) return onlyActive;
        if (activeCount > 1) return null;
        return newRs ?? oldRs.OrderByDescending(rs => rs.Metadata.CreationTimestamp).ThenByDescending(rs => rs.Name, StringComparer.Ordinal).First();
    }

    /// <summary>IsSaturated: the new ReplicaSet has all the replicas, recorded for this size, all available.</summary>
    private static bool IsSaturated(Deployment d, ReplicaSet? rs) =>
        rs is not null
        && DeploymentAnnotations.IntOf(rs, DeploymentAnnotations.DesiredReplicas) == d.Spec.Replicas
        && rs.Spec.Replicas == d.Spec.Replicas
        && rs.Status.AvailableReplicas == d.Spec.Replicas;

    /// <summary>GetProportion: this ReplicaSet's share of the change, never beyond what is left to add or remove.</summary>
    private static int Proportion(ReplicaSet rs, Deployment d, int toAdd, int added)
    {
        if (rs.Spec.Replicas == 0 || toAdd == added) return 0;
        int fraction = Fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    /// <summary>
    /// getReplicaSetFraction: the ReplicaSet's size scaled by new/old maximum Deployment size (the
    /// max-replicas annotation written at its last scale), rounded half away from zero as Go's
    /// math.Round does, minus its size.
    /// </summary>
    private static int Fraction(ReplicaSet rs, Deployment d)
    {
        if (d.Spec.Replicas == 0) return -rs.Spec.Replicas;
        int maxNow = d.Spec.Replicas + RollingUpdate.MaxSurge(d);
        int maxBefore = DeploymentAnnotations.IntOf(rs, DeploymentAnnotations.MaxReplicas) ?? 0;
        if (maxBefore == 0) maxBefore = d.Status.Replicas;
        if (maxBefore == 0) return 0;
        double size = (double)rs.Spec.Replicas * maxNow / maxBefore;
        return (int)Math.Round(size, MidpointRounding.AwayFromZero) - rs.Spec.Replicas;
    }
}
