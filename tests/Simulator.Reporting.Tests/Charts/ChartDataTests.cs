using ScottPlot;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Charts;
using Simulator.Reporting.Tests.Results;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

/// <summary>What the charts draw, checked against values worked out by hand from the hand-built runs.</summary>
public sealed class ChartDataTests
{
    private static SimTime Seconds(double s) => SampleRuns.Seconds(s);

    [Theory]
    [InlineData(0, 1, "s")]
    [InlineData(120, 1, "s")]
    [InlineData(121, 60, "min")]
    [InlineData(7200, 60, "min")]
    [InlineData(7201, 3600, "h")]
    [InlineData(172800, 3600, "h")]
    [InlineData(604800, 86400, "d")]
    public void The_time_unit_follows_the_span(double seconds, double secondsPerUnit, string unit)
    {
        Assert.Equal(new ChartTimeAxis(secondsPerUnit, unit), ChartTimeAxis.For(seconds));
    }

    [Fact]
    public void Nodes_per_pool_count_each_node_once_from_its_addition_to_its_removal()
    {
        // cpu: node-a from 0. gpu: node-b from 0 (its NotReady stretch does not remove it), node-c from 0, removed at 110 s.
        var counts = NodesPerPoolChart.CountsByPool(SampleRuns.Nodes(), Seconds(120));

        Assert.Equal(["cpu", "gpu"], counts.Keys);
        Assert.Equal([(Seconds(0), 1), (Seconds(120), 1)], counts["cpu"]);
        Assert.Equal([(Seconds(0), 2), (Seconds(110), 1), (Seconds(120), 1)], counts["gpu"]);
    }

    [Fact]
    public void A_pool_scaled_from_zero_starts_at_zero_and_merges_changes_at_one_instant()
    {
        NodeInterval Node(string name, double added, double? removed) =>
            new(name, "burst", NodeState.Ready, Seconds(added), removed is { } r ? Seconds(r) : null, Seconds(added), removed is { } rr ? Seconds(rr) : null);
        // Two nodes added at 50 s, one removed at 80 s, the other at 100 s, as a scale-up and a scale-down do.
        var counts = NodesPerPoolChart.CountsByPool([Node("n-1", 50, 80), Node("n-2", 50, 100)], Seconds(120));

        Assert.Equal([(Seconds(0), 0), (Seconds(50), 2), (Seconds(80), 1), (Seconds(100), 0), (Seconds(120), 0)], counts["burst"]);
    }

    [Fact]
    public void The_completion_time_cdf_takes_completed_jobs_only_sorted()
    {
        JobRecord Job(string name, double submitted, double completed, JobOutcome outcome) => new()
        {
            Namespace = "ml", Name = name, Uid = name, Submitted = Seconds(submitted), Completed = Seconds(completed), Outcome = outcome,
        };
        var result = SampleRuns.Result() with
        {
            Jobs = [Job("a", 0, 30, JobOutcome.Complete), Job("b", 5, 15, JobOutcome.Complete), Job("c", 0, 5, JobOutcome.Failed), Job("d", 10, 30, JobOutcome.Complete)],
        };

        // a: 30 s, b: 10 s, d: 20 s; c failed.
        Assert.Equal([10.0, 20.0, 30.0], JobCompletionCdfChart.CompletionSeconds(result));
    }

    [Fact]
    public void The_node_timeline_paints_notready_stretches_red_and_ready_ones_green()
    {
        using var plot = RunChartsTests.Chart("node-timeline").Build(SampleRuns.Result());
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(1200, 700, ImageFormat.Png));

        // Rows from the top: node-a (0), node-b (1), node-c (2). node-b is NotReady 30 to 75.5 s.
        Assert.Equal(NodeTimelineChart.ReadyColor, PixelAt(plot, bitmap, 50, 0));
        Assert.Equal(NodeTimelineChart.NotReadyColor, PixelAt(plot, bitmap, 50, 1));
        Assert.Equal(NodeTimelineChart.ReadyColor, PixelAt(plot, bitmap, 10, 1));
        Assert.Equal(NodeTimelineChart.ReadyColor, PixelAt(plot, bitmap, 100, 1));
        // node-c: Ready to 100 s, NotReady to its removal at 110 s, then nothing.
        Assert.Equal(NodeTimelineChart.NotReadyColor, PixelAt(plot, bitmap, 105, 2));
        Assert.DoesNotContain(PixelAt(plot, bitmap, 115, 2), new[] { NodeTimelineChart.ReadyColor, NodeTimelineChart.NotReadyColor });
    }

    [Fact]
    public void The_latency_chart_draws_the_slo_in_the_axis_unit_and_only_when_there_is_one()
    {
        using var withSlo = RunChartsTests.Chart("request-latency").Build(ChartRuns.Full());
        // p99 tops at 0.4 s: milliseconds, so the 0.25 s SLO is a line at 250.
        Assert.Equal([250.0], withSlo.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Select(l => Math.Round(l.Y, 9)));
        Assert.Equal(3, withSlo.GetPlottables<ScottPlot.Plottables.Scatter>().Count());

        var noSlo = ChartRuns.Full() with { Services = [ChartRuns.Service(30, 0.5, 1.5, 2.5, slo: null)] };
        using var without = RunChartsTests.Chart("request-latency").Build(noSlo);
        Assert.Empty(without.GetPlottables<ScottPlot.Plottables.HorizontalLine>());
        Assert.Equal("latency (s)", without.Axes.Left.Label.Text);
    }

    [Fact]
    public void The_hpa_chart_draws_current_and_desired_replicas_per_hpa()
    {
        using var plot = RunChartsTests.Chart("hpa-replicas").Build(ChartRuns.Full());
        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();

        Assert.Equal(["default/web current", "default/web desired"], lines.Select(l => l.LegendText));
        Assert.Equal([1.0, 3, 3], lines[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal([3.0, 3, 2], lines[1].Data.GetScatterPoints().Select(p => p.Y));
    }

    [Fact]
    public void The_allocation_chart_draws_each_resource_and_gpu_model_in_percent()
    {
        using var plot = RunChartsTests.Chart("allocation").Build(ChartRuns.Full());
        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();

        // Resources in ordinal order, then GPU models; cpu requests 0, 4000, 6000, 2000 of 8000 millicores.
        Assert.Equal(["cpu", "memory", "GPU A100"], lines.Select(l => l.LegendText));
        Assert.Equal([0.0, 50, 75, 25], lines[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal([0.0, 0, 0, 0], lines[1].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal([37.5, 37.5, 37.5, 37.5], lines[2].Data.GetScatterPoints().Select(p => p.Y));
    }

    private static Color PixelAt(Plot plot, SKBitmap bitmap, double x, double y)
    {
        var pixel = plot.GetPixel(new Coordinates(x, y));
        var c = bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
        return new Color(c.Red, c.Green, c.Blue, c.Alpha);
    }
}
