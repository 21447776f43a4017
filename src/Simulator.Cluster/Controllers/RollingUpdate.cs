using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The arithmetic of a Deployment rollout (deployment/util): how many pods may be added above
/// the desired count and how many may be missing, and from that how far the new ReplicaSet may
/// grow and the old ones shrink. Pure functions of the Deployment and its ReplicaSets' specs and
/// statuses; the controller applies the results.
/// </summary>
internal static class RollingUpdate
{
    /// <summary>
    /// ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, so 10 replicas at
    /// 25 %/25 % give 3/2. If both come to 0 (validation forbids writing 0/0, but rounding down can
    /// produce it), maxUnavailable becomes 1 so that a rollout can still make progress.
    /// </summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrPercent maxSurge, IntOrPercent maxUnavailable, int desired)
    {
        int surge = maxSurge.Scaled(desired, roundUp: true);
        int unavailable = maxUnavailable.Scaled(desired, roundUp: false);
        if (surge == 0 && unavailable == 0) unavailable = 1;
        return (surge, unavailable);
    }

    public static bool IsRollingUpdate(Deployment d) => d.Spec.Strategy.Type == DeploymentStrategyType.RollingUpdate;

    /// <summary>MaxSurge: 0 for Recreate.</summary>
    public static int MaxSurge(Deployment d) =>
        IsRollingUpdate(d) ? ResolveFenceposts(d.Spec.Strategy.MaxSurge, d.Spec.Strategy.MaxUnavailable, d.Spec.Replicas).Surge : 0;

    /// <summary>MaxUnavailable: 0 for Recreate or 0 replicas, never more than the replicas.</summary>
    public static int MaxUnavailable(Deployment d)
    {
        if (!IsRollingUpdate(d) || d.Spec.Replicas == 0) return 0;
        int unavailable = ResolveFenceposts(d.Spec.Strategy.MaxSurge, d.Spec.Strategy.MaxUnavailable, d.Spec.Replicas).Unavailable;
        return Math.Min(unavailable, d.Spec.Replicas);
    }

    /// <summary>GetReplicaCountForReplicaSets: the sum of spec.replicas.</summary>
    public static int SpecReplicas(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Spec.Replicas);

    /// <summary>GetActualReplicaCountForReplicaSets: the sum of status.replicas.</summary>
    public static int ActualReplicas(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Status.Replicas);

    public static int AvailableReplicas(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Status.AvailableReplicas);

    public static int ReadyReplicas(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Status.ReadyReplicas);

    /// <summary>
    /// NewRSNewReplicas: with RollingUpdate, grow the new ReplicaSet while the ReplicaSets' specs
    /// total at most replicas + maxSurge, never past the desired replicas; with Recreate, straight
    /// to the desired replicas (old pods are gone by then).
    /// </summary>
    public static int NewReplicaSetReplicas(Deployment d, IReadOnlyList<ReplicaSet> all, ReplicaSet? newRs, int newRsReplicas)
    {
        if (!IsRollingUpdate(d)) return d.Spec.Replicas;
        int maxTotal = d.Spec.Replicas + MaxSurge(d);
        int current = 0;
        foreach (var rs in all)
            if (!ReferenceEquals(rs, newRs)) current += rs.Spec.Replicas;
        current += newRsReplicas;
        if (current >= maxTotal) return newRsReplicas;
        int scaleUp = Math.Min(maxTotal - current, d.Spec.Replicas - newRsReplicas);
        return newRsReplicas + scaleUp;
    }

    /// <summary>
    /// reconcileOldReplicaSets' budget: how many old replicas may go now without the Deployment
    /// dropping below replicas - maxUnavailable, counting the new ReplicaSet's not-yet-available
    /// pods as already missing.
    /// </summary>
    public static int MaxScaledDown(Deployment d, IReadOnlyList<ReplicaSet> all, ReplicaSet newRs)
    {
        int minAvailable = d.Spec.Replicas - MaxUnavailable(d);
        int newRsUnavailable = newRs.Spec.Replicas - newRs.Status.AvailableReplicas;
        return SpecReplicas(all) - minAvailable - newRsUnavailable;
    }

    /// <summary>
    /// cleanupUnhealthyReplicas: old ReplicaSets, oldest first, lose their unavailable replicas
    /// first (up to <paramref name="budget"/>), because those pods serve nothing and would otherwise
    /// block the rollout. Returns the new sizes.
    /// </summary>
    public static List<(ReplicaSet Rs, int Replicas)> CleanupUnhealthy(IReadOnlyList<ReplicaSet> oldByAge, int budget)
    {
        var plan = new List<(ReplicaSet, int)>();
        int total = 0;
        foreach (var rs in oldByAge)
        {
            if (total >= budget) break;
            if (rs.Spec.Replicas == 0 || rs.Spec.Replicas == rs.Status.AvailableReplicas) continue;
            int down = Math.Min(budget - total, rs.Spec.Replicas - rs.Status.AvailableReplicas);
            plan.Add((rs, rs.Spec.Replicas - down));
            total += down;
        }
        return plan;
    }

    /// <summary>
    /// scaleDownOldReplicaSetsForRollingUpdate: old ReplicaSets, oldest first, shrink by as many
    /// replicas as are available above replicas - maxUnavailable. Returns the new sizes.
    /// </summary>
    public static List<(ReplicaSet Rs, int Replicas)> ScaleDownOld(Deployment d, IReadOnlyList<ReplicaSet> all, IReadOnlyList<ReplicaSet> oldByAge)
    {
        var plan = new List<(ReplicaSet, int)>();
        int minAvailable = d.Spec.Replicas - MaxUnavailable(d);
        int available = AvailableReplicas(all);
        if (available <= minAvailable) return plan;
        int budget = available - minAvailable;
        int total = 0;
        foreach (var rs in oldByAge)
        {
            if (total >= budget) break;
            if (rs.Spec.Replicas == 0) continue;
            int down = Math.Min(rs.Spec.Replicas, budget - total);
            plan.Add((rs, rs.Spec.Replicas - down));
            total += down;
        }
        return plan;
    }
}
