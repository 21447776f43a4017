using ScottPlot;
using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Charts;

/// <summary>
/// One headline metric of a comparison: a bar per variant at its mean over the seeds, with an
/// error bar of the 95 % Student t interval (mean +/- half-width, as in comparison.md). A variant
/// measured on one seed has no interval and so no error bar. Variants where the metric never
/// applied are left out, as in the tables.
/// </summary>
internal sealed class MetricMeansChart(string metricName) : ICompareChart
{
    private static readonly IPalette s_palette = new ScottPlot.Palettes.Category10();

    public string Name => "metric-" + metricName;

    public bool AppliesTo(ComparisonResult comparison) => Find(comparison) is { Profiles.Count: > 0 };

    public Plot Build(ComparisonResult comparison)
    {
        var metric = Find(comparison) ?? throw new InvalidOperationException($"the comparison has no metric {metricName}");
        var m = metric.Metric;
        var plot = ChartPlot.Create(ComparisonMarkdown.Heading(metric), comparison.Axis, $"{m.Name} ({m.Unit})");
        var positions = new double[metric.Profiles.Count];
        var labels = new string[metric.Profiles.Count];
        var bars = new List<Bar>(metric.Profiles.Count);
        for (int i = 0; i < metric.Profiles.Count; i++)
        {
            var p = metric.Profiles[i];
            positions[i] = i;
            labels[i] = $"{p.Profile} (n={p.Value.Count})";
            bars.Add(new Bar
            {
                Position = i,
                Value = p.Value.Mean,
                Error = p.Value.HalfWidth ?? 0,
                FillColor = s_palette.GetColor(i),
            });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(positions, labels);
        // Bars grow from zero: the axis includes it and leaves room above the highest error bar.
        double low = Math.Min(0, metric.Profiles.Min(p => p.Value.Low ?? p.Value.Mean));
        double high = Math.Max(0, metric.Profiles.Max(p => p.Value.High ?? p.Value.Mean));
        double pad = (high - low) * 0.1;
        if (pad == 0) pad = 1;
        plot.Axes.SetLimitsY(low < 0 ? low - pad : 0, high > 0 ? high + pad : pad);
        plot.Axes.SetLimitsX(-0.6, metric.Profiles.Count - 0.4);
        return plot;
    }

    private MetricResult? Find(ComparisonResult comparison) => comparison.Metrics.FirstOrDefault(m => m.Metric.Name == metricName);
}
