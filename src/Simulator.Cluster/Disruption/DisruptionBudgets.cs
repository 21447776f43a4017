using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Disruption;

/// <summary>
/// The PodDisruptionBudgets of the cluster with the status the disruption controller would give
/// them, computed when asked (so always current): disruptionsAllowed = max(0, currentHealthy -
/// desiredHealthy), where currentHealthy counts the covered pods that are Running and Ready and
/// not being deleted, and desiredHealthy is minAvailable, or expected - maxUnavailable (percentages
/// of the expected count, rounded up). The expected count is the covered pods that are neither
/// finished nor being deleted: a controller's scale in steady state, which is what
/// kube-controller-manager reads instead. Used by preemption and, through <see cref="MayEvict"/>,
/// by anything that evicts.
/// </summary>
public sealed class DisruptionBudgets(ClusterStore store)
{
    public IReadOnlyList<PodDisruptionBudget> Items => store.PodDisruptionBudgets.Items;

    public int DisruptionsAllowed(PodDisruptionBudget pdb)
    {
        int expected = 0, healthy = 0;
        foreach (var pod in store.Pods)
        {
            if (pod.IsTerminal || pod.IsTerminating || !pdb.Covers(pod)) continue;
            expected++;
            if (IsHealthy(pod)) healthy++;
        }
        return Allowed(pdb.Spec, expected, healthy);
    }

    /// <summary>disruptionsAllowed for <paramref name="expected"/> pods of which <paramref name="healthy"/> are healthy.</summary>
    public static int Allowed(PodDisruptionBudgetSpec spec, int expected, int healthy)
    {
        int desiredHealthy = spec.MaxUnavailable is { } maxUnavailable
            ? Math.Max(0, expected - maxUnavailable.Scaled(expected, roundUp: true))
            : spec.MinAvailable?.Scaled(expected, roundUp: true) ?? 0;
        return Math.Max(0, healthy - desiredHealthy);
    }

    /// <summary>The eviction API's question: would evicting <paramref name="pod"/> now leave every budget covering it satisfied?</summary>
    public bool MayEvict(Pod pod)
    {
        // A pod that is not healthy does not count towards any budget, so taking it costs nothing.
        if (!IsHealthy(pod)) return true;
        foreach (var pdb in Items)
            if (pdb.Covers(pod) && DisruptionsAllowed(pdb) <= 0) return false;
        return true;
    }

    /// <summary>Running, Ready and not being deleted: what the disruption controller counts as healthy.</summary>
    public static bool IsHealthy(Pod pod) =>
        pod.Status.Phase == PodPhase.Running && !pod.IsTerminating &&
        pod.Status.GetCondition(PodConditionType.Ready) is { Status: ConditionStatus.True };

    /// <summary>
    /// Every budget's disruptionsAllowed now, in <see cref="Items"/> order: one pass over the pods
    /// for all budgets (preemption takes it once per attempt, the cluster autoscaler once per scan).
    /// </summary>
    public int[] AllowedNow()
    {
        var items = Items;
        var allowed = new int[items.Count];
        if (items.Count == 0) return allowed;
        var expected = new int[items.Count];
        var healthy = new int[items.Count];
        foreach (var pod in store.Pods)
        {
            if (pod.IsTerminal || pod.IsTerminating) continue;
            bool isHealthy = IsHealthy(pod);
            for (int i = 0; i < items.Count; i++)
            {
                if (!items[i].Covers(pod)) continue;
                expected[i]++;
                if (isHealthy) healthy[i]++;
            }
        }
        for (int i = 0; i < items.Count; i++) allowed[i] = Allowed(items[i].Spec, expected[i], healthy[i]);
        return allowed;
    }

    /// <summary>
    /// filterPodsWithPDBViolation: walks <paramref name="pods"/> in order, taking one disruption
    /// from every budget that covers each (starting from <paramref name="allowedNow"/>, which is
    /// not changed); a pod that takes a budget below zero violates it. Keeps the order within each list.
    /// </summary>
    public void SplitByViolation(IReadOnlyList<Pod> pods, int[] allowedNow, List<Pod> violating, List<Pod> nonViolating)
    {
        var items = Items;
        if (items.Count == 0)
        {
            nonViolating.AddRange(pods);
            return;
        }
        var allowed = (int[])allowedNow.Clone();
        foreach (var pod in pods)
        {
            bool violates = false;
            for (int i = 0; i < items.Count; i++)
            {
                if (!items[i].Covers(pod)) continue;
                allowed[i]--;
                if (allowed[i] < 0) violates = true;
            }
            (violates ? violating : nonViolating).Add(pod);
        }
    }
}
