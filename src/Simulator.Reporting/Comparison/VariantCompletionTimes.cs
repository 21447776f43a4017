using Simulator.Cluster.Metrics;
using Simulator.Reporting.Charts;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// The completion times (seconds, ascending) of the Jobs of every run of one variant, all seeds
/// pooled, a Job that never completed as +∞ (last): what the overlaid job completion time CDFs of a
/// comparison draw, so a variant that leaves Jobs unfinished levels off below 100 %.
/// </summary>
public sealed record VariantCompletionTimes(string Variant, IReadOnlyList<double> Seconds)
{
    /// <summary>How many of the Jobs completed (the finite values).</summary>
    public int Completed => Seconds.Count(double.IsFinite);

    /// <summary>One run's Jobs: completion times, ascending, as in summary.json's jct_s, then +∞ for each Job that did not complete.</summary>
    public static double[] Of(RunResult result)
    {
        var completed = JobCompletionCdfChart.CompletionSeconds(result);
        int unfinished = Math.Max(0, result.Jobs.Count - completed.Length);
        return [.. completed, .. Enumerable.Repeat(double.PositiveInfinity, unfinished)];
    }

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
