using System.Xml.Linq;
using Simulator.Reporting.Charts;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

public sealed class RunChartsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every chart of the registry, with the title and axis labels it must show for <see cref="ChartRuns.Full"/> (a 120 s run).</summary>
    public static TheoryData<string, string, string, string> Charts => new()
    {
        { "allocation", "Allocation per resource (requested / allocatable on Ready nodes)", "virtual time (s)", "allocated (%)" },
        { "utilization", "Utilization per resource (used and allocated / allocatable on Ready nodes)", "virtual time (s)", "share of allocatable (%)" },
        { "pending-pods", "Pending pods by reason", "virtual time (s)", "pods" },
        { "node-timeline", "Node timeline (3 nodes): pods, Ready and NotReady", "virtual time (s)", "node" },
        { "nodes-per-pool", "Nodes per NodePool", "virtual time (s)", "nodes" },
        { "jct-cdf", "Job completion time CDF (1 of 3 Jobs completed)", "job completion time (s)", "Jobs completed within (%)" },
        { "request-latency", "Request latency per Service (p50, p95, p99 per interval)", "virtual time (s)", "latency (ms)" },
        { "hpa-replicas", "HorizontalPodAutoscaler replicas", "virtual time (s)", "replicas" },
        { "cost", "Cost so far (NodePools' pricePerHour x node-hours)", "virtual time (s)", "cost (pricePerHour units)" },
    };

    [Fact]
    public void The_table_above_lists_every_registered_chart_once()
    {
        Assert.Equal(Charts.Select(row => (string)row[0]), RunCharts.All.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Each_chart_draws_a_1200x700_png_that_is_not_blank(string name, string title, string xLabel, string yLabel)
    {
        _ = (title, xLabel, yLabel);
        RunCharts.WriteOne(_temp.Path, Chart(name), ChartRuns.Full());

        using var bitmap = SKBitmap.Decode(_temp.Combine(name + ".png"));
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 700), (bitmap.Width, bitmap.Height));
        // A blank figure has one colour; lines, bars and anti-aliased text bring hundreds.
        Assert.True(DistinctColours(bitmap) > 100, $"{name}.png has {DistinctColours(bitmap)} colours");
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Each_chart_draws_an_svg_with_its_title_and_axis_labels(string name, string title, string xLabel, string yLabel)
    {
        RunCharts.WriteOne(_temp.Path, Chart(name), ChartRuns.Full());

        var svg = XDocument.Load(_temp.Combine(name + ".svg"));
        Assert.Equal("1200", svg.Root!.Attribute("width")!.Value);
        Assert.Equal("700", svg.Root!.Attribute("height")!.Value);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(title, texts);
        Assert.Contains(xLabel, texts);
        Assert.Contains(yLabel, texts);
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"), e => Assert.Equal(ChartFonts.Family, e.Attribute("font-family")!.Value));
    }

    public static TheoryData<string, string[]> Applicable => new()
    {
        { "full", ["allocation", "utilization", "pending-pods", "node-timeline", "nodes-per-pool", "jct-cdf", "request-latency", "hpa-replicas", "cost"] },
        // The sample run: pooled nodes and one completed Job, but no Services, HPAs or prices.
        { "sample", ["allocation", "pending-pods", "node-timeline", "nodes-per-pool", "jct-cdf"] },
        { "time series only", ["allocation", "pending-pods"] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Applicable))]
    public void Only_the_charts_whose_data_the_run_has_are_drawn(string run, string[] expected)
    {
        var result = run switch
        {
            "full" => ChartRuns.Full(),
            "sample" => SampleRuns.Result(),
            "time series only" => ChartRuns.TimeSeriesOnly(),
            _ => ChartRuns.Empty(),
        };
        Assert.Equal(expected, RunCharts.For(result).Select(c => c.Name));
    }

    [Fact]
    public void A_run_without_chartable_data_gets_no_charts_folder()
    {
        Assert.Empty(RunCharts.Write(_temp.Combine("charts"), ChartRuns.Empty()));
        Assert.False(Directory.Exists(_temp.Combine("charts")));
    }

    [Fact]
    public void The_results_writer_puts_a_png_and_an_svg_of_each_applicable_chart_in_charts()
    {
        var results = SampleRuns.WriteTo(_temp, charts: true);

        var files = Directory.GetFiles(Path.Combine(results, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["allocation.png", "allocation.svg", "jct-cdf.png", "jct-cdf.svg", "node-timeline.png", "node-timeline.svg",
             "nodes-per-pool.png", "nodes-per-pool.svg", "pending-pods.png", "pending-pods.svg"],
            files);
    }

    [Fact]
    public void The_results_writer_can_leave_charts_out()
    {
        var scenario = _temp.WriteFile("in/sample.yaml", "kind: Scenario\n");
        ResultsWriter.Write(_temp.Combine("out"), SampleRuns.Record(scenario), charts: false);

        Assert.False(Directory.Exists(_temp.Combine("out", "charts")));
        Assert.True(File.Exists(_temp.Combine("out", TimeSeriesCsv.FileName)));
    }

    [Fact]
    public void A_rerun_comparison_ignores_the_charts()
    {
        var scenario = _temp.WriteFile("in/sample.yaml", "kind: Scenario\n");
        ResultsWriter.Write(_temp.Combine("a"), SampleRuns.Record(scenario));
        ResultsWriter.Write(_temp.Combine("b"), SampleRuns.Record(scenario), charts: false);
        File.WriteAllText(_temp.Combine("a", "charts", "allocation.svg"), "changed");

        var comparison = ResultsComparison.Compare(_temp.Combine("a"), _temp.Combine("b"));

        Assert.True(comparison.Identical, comparison.FirstDifference?.ToString());
    }

    internal static IRunChart Chart(string name) => RunCharts.All.Single(c => c.Name == name);

    internal static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        foreach (var pixel in bitmap.Pixels) colours.Add((uint)pixel);
        return colours.Count;
    }
}
