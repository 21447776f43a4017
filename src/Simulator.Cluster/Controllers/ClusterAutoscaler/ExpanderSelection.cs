namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>The "keep every option with the best score" loop the filtering expanders share.</summary>
internal static class ExpanderSelection
{
    /// <summary>The options whose score is the lowest, in input order.</summary>
    public static IReadOnlyList<ExpansionOption> Lowest(IReadOnlyList<ExpansionOption> options, Func<ExpansionOption, double> score)
    {
        var best = new List<ExpansionOption>();
        double bestScore = double.PositiveInfinity;
        foreach (var option in options)
        {
            double s = score(option);
            if (best.Count == 0 || s < bestScore)
            {
                best.Clear();
                bestScore = s;
                best.Add(option);
            }
            else if (s == bestScore)
            {
                best.Add(option);
            }
        }
        return best;
    }

    /// <summary>The options whose score is the highest, in input order.</summary>
    public static IReadOnlyList<ExpansionOption> Highest(IReadOnlyList<ExpansionOption> options, Func<ExpansionOption, double> score) =>
        Lowest(options, o => -score(o));
}
