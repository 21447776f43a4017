using ScottPlot;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Charts;
using Simulator.Reporting.Tests.Results;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

/// <summary>Pods as bars on their node's row of the node timeline.</summary>
public sealed class NodePodLanesTests
{
    private static PodRecord Pod(string name, string node, double scheduled, double? finished, PodPhase phase = PodPhase.Succeeded) => new()
    {
        Namespace = "ml", Name = name, Uid = name, Created = SampleRuns.Seconds(0), Node = node,
        Scheduled = SampleRuns.Seconds(scheduled), Finished = finished is { } f ? SampleRuns.Seconds(f) : null, Phase = phase,
    };

    [Fact]
    public void Pods_that_overlap_take_separate_lanes_and_a_freed_lane_is_reused()
    {
        // On node-b (row 1): x 0-50 s and y 10-30 s overlap: 2 lanes of 0.28; z starts at 60 s, when lane 0 is free.
        // On node-a (row 0): w alone, one lane of 0.56, drawn 0.16 thick. A pod never bound, or on no known node, has no bar.
        var result = SampleRuns.Result() with
        {
            Pods =
            [
                Pod("x", "node-b", 0, 50), Pod("y", "node-b", 10, 30), Pod("z", "node-b", 60, null, PodPhase.Failed),
                Pod("w", "node-a", 5, 15), Pod("gone", "node-z", 0, 10),
            ],
        };
        var rows = new Dictionary<string, int> { ["node-a"] = 0, ["node-b"] = 1, ["node-c"] = 2 };

        var bars = NodePodLanes.Of(result, rows);

        Assert.Equal(["w", "x", "y", "z", "z"], bars.Select(b => b.Pod.Name));
        Assert.Equal([-0.12, 0.74, 1.02, 0.74, 0.74], bars.Select(b => Math.Round(b.Position, 9)));
        Assert.Equal([0.16, 0.16, 0.16, 0.16, 0.16], bars.Select(b => Math.Round(b.Thickness, 9)));
        // z runs from 60 s to the run's end at 120 s and failed there: blue, with an orange cap on
        // its last twentieth (117 to 120 s), where it failed.
        Assert.Equal((SampleRuns.Seconds(60), SampleRuns.Seconds(120), false), (bars[3].From, bars[3].To, bars[3].Failed));
        Assert.Equal((SampleRuns.Seconds(117), SampleRuns.Seconds(120), true), (bars[4].From, bars[4].To, bars[4].Failed));
        Assert.False(bars[1].Failed);
    }

    [Fact]
    public void A_node_runs_at_most_the_cap_of_pods_in_at_most_the_cap_of_lanes()
    {
        var pods = Enumerable.Range(0, NodePodLanes.MaxPodsPerNode + 50).Select(i => Pod("p" + i, "node-a", i * 0.1, 100)).ToList();
        var result = SampleRuns.Result() with { Pods = pods };

        var bars = NodePodLanes.Of(result, new Dictionary<string, int> { ["node-a"] = 0 });

        Assert.Equal(NodePodLanes.MaxPodsPerNode, bars.Count);
        Assert.Equal(NodePodLanes.MaxLanes, bars.Select(b => b.Position).Distinct().Count());
        Assert.All(bars, b => Assert.InRange(b.Position, -0.4, -0.4 + NodePodLanes.PodBand));
    }

    [Fact]
    public void The_node_timeline_draws_each_pod_where_and_while_it_ran()
    {
        using var plot = RunChartsTests.Chart("node-timeline").Build(SampleRuns.Result());
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(1200, 700, ImageFormat.Png));

        // web-1 ran on node-a (row 0) from 0.25 to 61.5 s: one lane, its bar centred 0.12 above the row's middle.
        Assert.Equal(NodeTimelineChart.PodColor, PixelAt(plot, bitmap, 30, -0.12));
        Assert.Equal(NodeTimelineChart.ReadyColor, PixelAt(plot, bitmap, 70, -0.12));
        // web-5d8f-x2k ran on node-b (row 1) from 5.5 s, was evicted at 60 s and deleted at 90 s: blue
        // while it ran (over NotReady too), orange only while it was being evicted.
        Assert.Equal(NodeTimelineChart.PodColor, PixelAt(plot, bitmap, 20, 0.88));
        Assert.Equal(NodeTimelineChart.PodColor, PixelAt(plot, bitmap, 50, 0.88));
        Assert.Equal(NodeTimelineChart.FailedPodColor, PixelAt(plot, bitmap, 75, 0.88));
        Assert.Equal(NodeTimelineChart.ReadyColor, PixelAt(plot, bitmap, 95, 0.88));
        // Below the pods the row still shows the node's state: node-b NotReady from 30 to 75.5 s.
        Assert.Equal(NodeTimelineChart.NotReadyColor, PixelAt(plot, bitmap, 50, 1.3));
    }

    private static Color PixelAt(Plot plot, SKBitmap bitmap, double x, double y) => PendingByReasonTests.PixelAt(plot, bitmap, x, y);
}
