namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// <c>priority</c>: the options of the highest-priority pools (all of them on a tie). CA reads the
/// priorities from the <c>cluster-autoscaler-priority-expander</c> ConfigMap, a map from priority to
/// node-group-name regexes; ksim gives each NodePool its own <c>spec.autoscaling.priority</c>
/// (default 0) instead, so every pool has exactly one priority and none is left unmatched.
/// </summary>
public sealed class PriorityExpander : IExpander
{
    public const string ExpanderName = "priority";

    public string Name => ExpanderName;

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options) =>
        ExpanderSelection.Highest(options, static o => o.Priority);
}
