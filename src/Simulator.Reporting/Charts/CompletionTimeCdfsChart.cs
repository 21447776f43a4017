using ScottPlot;
using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The job completion time CDFs of a comparison overlaid, one line per variant over its completed
/// Jobs of every seed pooled (the per-run chart's CDF, <see cref="JobCompletionCdfChart.CdfSteps"/>).
/// A variant with no completed Job has no line; with none at all the chart does not apply.
/// </summary>
internal sealed class CompletionTimeCdfsChart : ICompareChart
{
    public string Name => "jct-cdf";

    public bool AppliesTo(ComparisonResult comparison) => comparison.JobCompletionTimes.Any(v => v.Completed > 0);

    public Plot Build(ComparisonResult comparison)
    {
        var variants = comparison.JobCompletionTimes.Where(v => v.Completed > 0).ToList();
        double longest = variants.Max(v => v.Seconds[v.Completed - 1]);
        var axis = ChartTimeAxis.For(longest);
        var plot = ChartPlot.Create($"Job completion time CDF per {comparison.Axis} (all seeds pooled)",
            $"job completion time ({axis.Unit})", "Jobs completed within (%)");
        foreach (var variant in variants)
        {
            var (xs, ys) = JobCompletionCdfChart.CdfSteps(variant.Seconds, axis, variant.Seconds.Count);
            ChartPlot.Steps(plot, xs, ys, $"{variant.Variant} ({variant.Completed} of {variant.Seconds.Count} Jobs)");
        }
        plot.Axes.SetLimitsX(0, Math.Max(axis.ToUnits(longest) * 1.05, double.Epsilon));
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.Legend(plot);
        return plot;
    }
}
