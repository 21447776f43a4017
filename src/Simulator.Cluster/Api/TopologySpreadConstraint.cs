namespace Simulator.Cluster.Api;

/// <summary>core/v1 UnsatisfiableConstraintAction: a hard (filter) or soft (score) spread constraint.</summary>
public enum UnsatisfiableConstraintAction
{
    DoNotSchedule,
    ScheduleAnyway,
}

/// <summary>core/v1 NodeInclusionPolicy: whether a node that fails the pod's node affinity or taints still counts as a domain.</summary>
public enum NodeInclusionPolicy
{
    Honor,
    Ignore,
}

/// <summary>
/// core/v1 TopologySpreadConstraint. Defaults as the API server and kube-scheduler apply them:
/// minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore. A null
/// <see cref="LabelSelector"/> selects no pod (LabelSelectorAsSelector(nil) is labels.Nothing).
/// </summary>
public sealed record TopologySpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    UnsatisfiableConstraintAction WhenUnsatisfiable,
    LabelSelector? LabelSelector,
    int MinDomains = 1,
    NodeInclusionPolicy NodeAffinityPolicy = NodeInclusionPolicy.Honor,
    NodeInclusionPolicy NodeTaintsPolicy = NodeInclusionPolicy.Ignore)
{
    /// <summary>Pod label keys whose values are ANDed into the selector (the pod's own values), as kube-scheduler merges them.</summary>
    public IReadOnlyList<string> MatchLabelKeys { get; init; } = [];
}
