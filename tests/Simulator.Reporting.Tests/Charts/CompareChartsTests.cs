using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Reporting.Charts;
using Simulator.Reporting.Comparison;
using Simulator.Reporting.Tests.Results;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

public sealed class CompareChartsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly HeadlineMetric JctMean = new("jct_mean", "s", MetricDirection.LowerIsBetter, "Job completion time, mean over completed Jobs", _ => null);
    private static readonly HeadlineMetric Allocation = new("allocation_gpu", "ratio", MetricDirection.HigherIsBetter, "time-weighted allocated over allocatable nvidia.com/gpu", _ => null);

    /// <summary>
    /// Two profiles over three seeds: jct_mean 100 +/- 10 and 80.5 +/- 10.25; allocation_gpu where
    /// "spread" was measured on one seed only (no interval); completed Jobs of both pooled.
    /// </summary>
    internal static ComparisonResult Sample(bool withJobs = true) => new("demo", [5, 6, 7], ["packing", "spread"], "packing",
    [
        new MetricResult(JctMean,
        [
            new ProfileResult("packing", new MeanInterval(3, 100, 90, 110), null),
            new ProfileResult("spread", new MeanInterval(3, 80.5, 70.25, 90.75), new MeanInterval(3, -19.5, -25, -14)),
        ]),
        new MetricResult(Allocation,
        [
            new ProfileResult("packing", new MeanInterval(3, 0.75, 0.7, 0.8), null),
            new ProfileResult("spread", new MeanInterval(1, 0.5, null, null), null),
        ]),
    ])
    {
        JobCompletionTimes = withJobs
            ? [new VariantCompletionTimes("packing", [60, 90, 120, 150]), new VariantCompletionTimes("spread", [50, 70, 80])]
            : [new VariantCompletionTimes("packing", []), new VariantCompletionTimes("spread", [])],
    };

    /// <summary>Each chart of <see cref="Sample"/>, with the title and axis labels it must show.</summary>
    public static TheoryData<string, string, string, string> Charts => new()
    {
        { "metric-jct_mean", "jct_mean (s, lower is better)", "profile", "jct_mean (s)" },
        { "metric-allocation_gpu", "allocation_gpu (ratio, higher is better)", "profile", "allocation_gpu (ratio)" },
        { "jct-cdf", "Job completion time CDF per profile (all seeds pooled)", "job completion time (min)", "Jobs completed within (%)" },
    };

    [Fact]
    public void One_bar_chart_per_metric_in_the_metrics_order_then_the_cdfs()
    {
        Assert.Equal(Charts.Select(row => (string)row[0]), CompareCharts.For(Sample()).Select(c => c.Name));
    }

    [Fact]
    public void Without_completed_jobs_there_is_no_cdf_chart()
    {
        Assert.Equal(["metric-jct_mean", "metric-allocation_gpu"], CompareCharts.For(Sample(withJobs: false)).Select(c => c.Name));
        Assert.Equal(["metric-jct_mean", "metric-allocation_gpu"], CompareCharts.For(Sample() with { JobCompletionTimes = [] }).Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Each_chart_draws_a_1200x700_png_that_is_not_blank(string name, string title, string xLabel, string yLabel)
    {
        _ = (title, xLabel, yLabel);
        CompareCharts.WriteOne(_temp.Path, Chart(name), Sample());

        using var bitmap = SKBitmap.Decode(_temp.Combine(name + ".png"));
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 700), (bitmap.Width, bitmap.Height));
        Assert.True(RunChartsTests.DistinctColours(bitmap) > 100, $"{name}.png has {RunChartsTests.DistinctColours(bitmap)} colours");
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Each_chart_draws_an_svg_with_its_title_and_axis_labels(string name, string title, string xLabel, string yLabel)
    {
        CompareCharts.WriteOne(_temp.Path, Chart(name), Sample());

        var svg = XDocument.Load(_temp.Combine(name + ".svg"));
        Assert.Equal("1200", svg.Root!.Attribute("width")!.Value);
        Assert.Equal("700", svg.Root!.Attribute("height")!.Value);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(title, texts);
        Assert.Contains(xLabel, texts);
        Assert.Contains(yLabel, texts);
    }

    /// <summary>The x axis names each variant with its number of seeds; the legend of the CDFs counts each variant's Jobs.</summary>
    [Fact]
    public void Bars_are_labelled_by_variant_and_cdf_lines_by_variant_and_jobs()
    {
        CompareCharts.WriteOne(_temp.Path, Chart("metric-allocation_gpu"), Sample());
        CompareCharts.WriteOne(_temp.Path, Chart("jct-cdf"), Sample());

        Assert.Contains("packing (n=3)", Texts("metric-allocation_gpu"));
        Assert.Contains("spread (n=1)", Texts("metric-allocation_gpu"));
        Assert.Contains("packing (4 of 4 Jobs)", Texts("jct-cdf"));
        Assert.Contains("spread (3 of 3 Jobs)", Texts("jct-cdf"));
    }

    /// <summary>
    /// jct_mean: bars at 100 and 80.5, error bars up to 110 and 90.75; the y axis starts at zero
    /// and leaves 10 % of that span (11) above the highest error bar: 0..121.
    /// </summary>
    [Fact]
    public void The_bars_are_the_means_and_the_error_bars_the_95_percent_intervals()
    {
        using var plot = Chart("metric-jct_mean").Build(Sample());

        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal([100, 80.5], bars.Select(b => b.Value));
        Assert.Equal([10, 10.25], bars.Select(b => b.Error));
        Assert.Equal([0.0, 1.0], bars.Select(b => b.Position));
        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(121, limits.Top, 9);
    }

    /// <summary>A variant measured on one seed has no interval: its bar has no error bar.</summary>
    [Fact]
    public void A_single_seed_has_no_error_bar()
    {
        using var plot = Chart("metric-allocation_gpu").Build(Sample());

        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal([0.75, 0.5], bars.Select(b => b.Value));
        Assert.Equal(0.05, bars[0].Error, 12);
        Assert.Equal(0, bars[1].Error);
    }

    /// <summary>
    /// Times 60, 90, 120, 150 s (the longest, 150 s, is over 2 min, so minutes): the CDF starts at
    /// 0 % at 1 min and steps up by 25 % at 1, 1.5, 2 and 2.5 min.
    /// </summary>
    [Fact]
    public void The_cdf_steps_up_by_one_over_n_at_each_completion_time()
    {
        var (xs, ys) = JobCompletionCdfChart.CdfSteps([60, 90, 120, 150], ChartTimeAxis.For(150), 4);

        Assert.Equal([1, 1, 1.5, 2, 2.5], xs);
        Assert.Equal([0, 25, 50, 75, 100], ys);
    }

    /// <summary>
    /// Review finding: a deadlocked variant that completes 1 of 3 Jobs must not reach 100 %. Its
    /// unfinished Jobs (+∞) count in the denominator: the line levels off at 33.3 %.
    /// </summary>
    [Fact]
    public void Jobs_that_never_complete_keep_the_cdf_below_100_percent()
    {
        var (xs, ys) = JobCompletionCdfChart.CdfSteps([60, double.PositiveInfinity, double.PositiveInfinity], ChartTimeAxis.For(60), 3);

        Assert.Equal([60, 60], xs);
        Assert.Equal(100.0 / 3, ys[^1], 9);
        Assert.Equal(1, new VariantCompletionTimes("deadlock", [60, double.PositiveInfinity, double.PositiveInfinity]).Completed);
    }

    /// <summary>Each variant's line in the CDF chart is its pooled times' CDF, in the same minutes axis for all.</summary>
    [Fact]
    public void Each_variant_has_one_line_on_a_shared_axis()
    {
        using var plot = Chart("jct-cdf").Build(Sample());

        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["packing (4 of 4 Jobs)", "spread (3 of 3 Jobs)"], lines.Select(l => l.LegendText));
        var spread = lines[1].Data.GetScatterPoints();
        Assert.Equal([50 / 60.0, 50 / 60.0, 70 / 60.0, 80 / 60.0], spread.Select(p => p.X));
        Assert.Equal([0, 100 / 3.0, 200 / 3.0, 100], spread.Select(p => p.Y));
    }

    /// <summary>Pooling three seeds' sorted times gives all of them, ascending.</summary>
    [Fact]
    public void Pooling_merges_the_seeds_ascending()
    {
        var pooled = VariantCompletionTimes.Pool("spread", [[30, 70], [], [10, 50, 90]]);

        Assert.Equal("spread", pooled.Variant);
        Assert.Equal([10, 30, 50, 70, 90], pooled.Seconds);
    }

    /// <summary>
    /// For any seeds' times in any order of seeds: the pool holds every value once, ascending, and
    /// is the same whatever order the seeds are given in (a run's completion order cannot change it).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Pooling_does_not_depend_on_the_order_of_the_seeds()
    {
        var seeds = Arb.From(
            from count in Gen.Choose(0, 6)
            from runs in Gen.Choose(0, 10_000).Select(v => v / 10.0).ArrayOf().ArrayOf(count)
            from shift in Gen.Choose(0, 6)
            select (runs, shift));
        return Prop.ForAll(seeds, c =>
        {
            var (runs, shift) = c;
            var rotated = runs.Length == 0 ? runs : [.. runs.Skip(shift % runs.Length), .. runs.Take(shift % runs.Length)];
            var a = VariantCompletionTimes.Pool("v", runs.Select(r => (IReadOnlyList<double>)r)).Seconds;
            var b = VariantCompletionTimes.Pool("v", rotated.Reverse().Select(r => (IReadOnlyList<double>)r)).Seconds;
            Assert.Equal(a, b);
            Assert.Equal(runs.Sum(r => r.Length), a.Count);
            Assert.Equal(runs.SelectMany(r => r).Order(), a);
        });
    }

    private List<string> Texts(string name) =>
        [.. XDocument.Load(_temp.Combine(name + ".svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];

    private static ICompareChart Chart(string name) => CompareCharts.For(Sample()).Single(c => c.Name == name);
}
