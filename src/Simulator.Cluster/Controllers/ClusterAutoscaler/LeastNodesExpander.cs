namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary><c>least-nodes</c>: the options that add the fewest nodes (all of them on a tie).</summary>
public sealed class LeastNodesExpander : IExpander
{
    public const string ExpanderName = "least-nodes";

    public string Name => ExpanderName;

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options) =>
        ExpanderSelection.Lowest(options, static o => o.NodeCount);
}
