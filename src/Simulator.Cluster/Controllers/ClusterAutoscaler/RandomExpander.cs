namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// <c>random</c>: one option drawn uniformly from <paramref name="random"/> (pass a named stream,
/// e.g. <c>Simulation.Random.Get("cluster-autoscaler-expander")</c>, so runs replay). Also the
/// chain's final tie-breaker.
/// </summary>
public sealed class RandomExpander(Random random) : IExpander
{
    public const string ExpanderName = "random";

    public string Name => ExpanderName;

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options) =>
        options.Count == 0 ? [] : [options[random.Next(options.Count)]];
}
