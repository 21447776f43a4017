namespace Simulator.Cluster.Api;

/// <summary>policy/v1 PodDisruptionBudgetSpec: exactly one of minAvailable and maxUnavailable, and the pods it covers.</summary>
public sealed class PodDisruptionBudgetSpec
{
    public IntOrPercent? MinAvailable { get; init; }
    public IntOrPercent? MaxUnavailable { get; init; }

    /// <summary>The pods it covers, in its namespace; an empty selector covers none (policy/v1 keeps that meaning for eviction and preemption).</summary>
    public LabelSelector Selector { get; init; } = LabelSelector.FromLabels(new Dictionary<string, string>());
}

/// <summary>
/// policy/v1 PodDisruptionBudget: how many of a set of pods voluntary disruptions (evictions,
/// preemption, a draining autoscaler) may take down at once. Its status (disruptionsAllowed) is
/// computed on demand by <see cref="DisruptionBudgets"/>, as the disruption controller keeps it.
/// </summary>
public sealed class PodDisruptionBudget : IApiObject
{
    public const string ApiVersion = "policy/v1";

    public required ObjectMeta Metadata { get; init; }
    public PodDisruptionBudgetSpec Spec { get; init; } = new();
    public string Kind => "PodDisruptionBudget";
    public string Name => Metadata.Name;

    /// <summary>Whether this budget covers <paramref name="pod"/>: same namespace, and a non-empty selector that matches its labels.</summary>
    public bool Covers(Pod pod) =>
        pod.Metadata.Namespace == Metadata.Namespace && !Spec.Selector.IsEmpty && Spec.Selector.Matches(pod.Metadata.Labels);

    public override string ToString() => Metadata.Key;
}
