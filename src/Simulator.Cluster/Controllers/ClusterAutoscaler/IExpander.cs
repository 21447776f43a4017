namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// A Cluster Autoscaler expander used as a filter (CA's <c>expander.Filter</c>): it narrows the
/// scale-up options to the ones it likes best, keeping the input order. More than one may survive;
/// <see cref="ExpanderChain"/> passes the survivors to the next expander and finally picks one at
/// random. An empty input gives an empty output.
/// </summary>
public interface IExpander
{
    /// <summary>The <c>--expander</c> name, e.g. <c>least-waste</c>.</summary>
    string Name { get; }

    IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options);
}
