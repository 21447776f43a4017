namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary><c>most-pods</c>: the options that place the most pending pods (all of them on a tie).</summary>
public sealed class MostPodsExpander : IExpander
{
    public const string ExpanderName = "most-pods";

    public string Name => ExpanderName;

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options) =>
        ExpanderSelection.Highest(options, static o => o.PodCount);
}
