using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The charts of a comparison, in the order they are drawn: one <see cref="MetricMeansChart"/> per
/// headline metric that applied (in the metrics' order), then the overlaid job completion time
/// CDFs. Written as PNG and SVG, 1200x700, into the comparison folder's charts/; never per run, so
/// <c>ksim compare</c> stays as fast as before.
/// </summary>
internal static class CompareCharts
{
    /// <summary>The charts that apply to <paramref name="comparison"/>.</summary>
    public static IReadOnlyList<ICompareChart> For(ComparisonResult comparison)
    {
        IEnumerable<ICompareChart> all = [.. comparison.Metrics.Select(m => new MetricMeansChart(m.Metric.Name)), new CompletionTimeCdfsChart()];
        return [.. all.Where(c => c.AppliesTo(comparison))];
    }

    /// <summary>Writes every chart that applies into <paramref name="directory"/> (created when one does); returns their names.</summary>
    public static IReadOnlyList<string> Write(string directory, ComparisonResult comparison)
    {
        var charts = For(comparison);
        if (charts.Count > 0) Directory.CreateDirectory(directory);
        foreach (var chart in charts) WriteOne(directory, chart, comparison);
        return [.. charts.Select(c => c.Name)];
    }

    internal static void WriteOne(string directory, ICompareChart chart, ComparisonResult comparison)
    {
        using var plot = chart.Build(comparison);
        ChartFiles.Save(plot, directory, chart.Name);
    }
}
