namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// <c>price</c>: the one option that spends the least per pod it places. CA scores an option by
/// how well the money is spent, (new nodes' price + s) / (pods' price + s), times a node-unfitness
/// factor, where a pod's price comes from the cloud's pricing model for its requests. ksim knows
/// only a pool's <c>pricePerHour</c>, so the score is
/// <code>
///   score = nodeCount × pricePerHour / podCount
/// </code>
/// (price per placed pod-hour; an option placing no pods scores +∞). Left out: per-pod pricing,
/// the stabilization term s, the preferred-node-size unfitness and the GPU override. As in CA, only
/// the single best option survives, the first one on a tie.
/// </summary>
public sealed class PriceExpander : IExpander
{
    public const string ExpanderName = "price";

    public string Name => ExpanderName;

    /// <summary>The option's price per placed pod and hour.</summary>
    public static double Score(ExpansionOption option) =>
        option.PodCount == 0 ? double.PositiveInfinity : option.NodeCount * option.PricePerHour / option.PodCount;

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options)
    {
        ExpansionOption? best = null;
        double bestScore = 0;
        foreach (var option in options)
        {
            double s = Score(option);
            if (best is null || s < bestScore)
            {
                best = option;
                bestScore = s;
            }
        }
        return best is null ? [] : [best];
    }
}
