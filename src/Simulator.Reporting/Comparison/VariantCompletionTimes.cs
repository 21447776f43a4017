using Simulator.Cluster.Metrics;
using Simulator.Reporting.Charts;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// The completion times (seconds, ascending) of the completed Jobs of every run of one variant,
/// all seeds pooled: what the overlaid job completion time CDFs of a comparison draw.
/// </summary>
public sealed record VariantCompletionTimes(string Variant, IReadOnlyList<double> Seconds)
{
    /// <summary>One run's completed-Job completion times, ascending, as in summary.json's jct_s.</summary>
    public static double[] Of(RunResult result) => JobCompletionCdfChart.CompletionSeconds(result);

    /// <summary>
    /// Pools the runs of <paramref name="variant"/>: the values of every seed, sorted ascending, so
    /// the result does not depend on which run finished first.
    /// </summary>
    public static VariantCompletionTimes Pool(string variant, IEnumerable<IReadOnlyList<double>> perSeed)
    {
        var all = perSeed.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new VariantCompletionTimes(variant, all);
    }
}
