using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScottPlot;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;
using Simulator.Reporting.Charts;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

/// <summary>The pending-pods chart's series by reason, worked out by hand, and what the chart draws of them.</summary>
public sealed class PendingByReasonTests : IDisposable
{
    private const string CpuAndTaint =
        "0/3 nodes are available: 2 Insufficient cpu, 1 node(s) had untolerated taint {gpu: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    private const string CpuOnly = "0/3 nodes are available: 3 Insufficient cpu.";
    private const string GangWaiting = "pod group is not ready.";
    private const string Cpu = "Insufficient cpu";
    private const string Taint = "node(s) had untolerated taint {gpu: true}";
    private const string Gang = "pod group is not ready";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SimTime Seconds(double s) => SampleRuns.Seconds(s);

    private static PodRecord Pod(string name, double created, double? scheduled = null, double? deleted = null) => new()
    {
        Namespace = "ml", Name = name, Uid = name + "-" + created, Created = Seconds(created),
        Scheduled = scheduled is { } s ? Seconds(s) : null, Deleted = deleted is { } d ? Seconds(d) : null,
        Phase = scheduled is null ? PodPhase.Pending : PodPhase.Running,
    };

    private static ClusterEvent Failed(double at, string pod, string message) =>
        new(Seconds(at), EventType.Warning, "FailedScheduling", "Pod", "ml/" + pod, message, "default-scheduler");

    /// <summary>
    /// a: fails at 10 s on cpu and taint, at 30 s on cpu only, bound at 50 s. b: fails at 20 s on cpu,
    /// deleted at 40 s. d: waits on its gang from 0 s to the run's end at 100 s. c never fails.
    /// Ranked by whole pod-time: gang 100 s, cpu 20 + 20 + 20 = 60 s, taint 20 s.
    /// </summary>
    internal static RunResult HandRun() => SampleRuns.Result() with
    {
        EndTime = Seconds(100),
        Pods = [Pod("a", 0, scheduled: 50), Pod("b", 0, deleted: 40), Pod("c", 0, scheduled: 1), Pod("d", 0)],
        Events = [Failed(0, "d", GangWaiting), Failed(10, "a", CpuAndTaint), Failed(20, "b", CpuOnly), Failed(30, "a", CpuOnly)],
        TimeSeries = [],
    };

    [Fact]
    public void Each_pod_counts_toward_the_reasons_of_its_latest_failed_attempt_split_evenly()
    {
        var series = PendingByReason.Of(HandRun());

        Assert.Equal([0.0, 10, 20, 30, 40, 50, 100], series.Times.Select(t => t.TotalSeconds));
        Assert.Equal([Gang, Cpu, Taint], series.Reasons);
        // d all along; a half cpu half taint 10-30 s, then cpu 30-50 s; b cpu 20-40 s.
        Assert.Equal([1.0, 1, 1, 1, 1, 1, 0], series.Values[0]);
        Assert.Equal([0.0, 0.5, 1.5, 2, 1, 0, 0], series.Values[1]);
        Assert.Equal([0.0, 0.5, 0.5, 0, 0, 0, 0], series.Values[2]);
    }

    [Fact]
    public void Past_eight_reasons_the_rest_share_other()
    {
        // Pod i waits on "reason i" from 0 to 100 - i s; q on reasons 0 and 9 from 0 to 1 s. Ranked:
        // reason 0 (101 s), 1 to 7 (99 to 93 s), 8 and 9 (92 s each, by name): 8 and 9 become "other".
        var intervals = Enumerable.Range(0, 10)
            .Select(i => new PendingInterval(Pod("p" + i, 0), Seconds(0), Seconds(100 - i), ["reason " + i]))
            .Append(new PendingInterval(Pod("q", 0), Seconds(0), Seconds(1), ["reason 0", "reason 9"]))
            .ToList();

        var series = PendingByReason.Of(intervals);

        Assert.Equal([.. Enumerable.Range(0, 8).Select(i => "reason " + i), PendingByReason.OtherLabel], series.Reasons);
        Assert.Equal([0.0, 1, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100], series.Times.Select(t => t.TotalSeconds));
        // At 0 s: reasons 0 to 7 one pod each, q half on reason 0 and half on other, 8 and 9 on other.
        Assert.Equal([1.5, 1, 1, 1, 1, 1, 1, 1, 2.5], series.Values.Select(v => v[0]));
        // q done at 1 s; reason 9 ends at 91 s, reason 8 at 92 s.
        Assert.Equal([2.5, 2, 1, 0], series.Values[8].Take(4));
        Assert.Equal([1.5, 1, 1, 1], series.Values[0].Take(4));
    }

    /// <summary>Whatever the mix of failed attempts, the stack at any time is the number of pods pending on some reason.</summary>
    [Property(MaxTest = 200)]
    public Property The_stack_counts_each_pending_pod_once()
    {
        var messages = Gen.Elements(CpuAndTaint, CpuOnly, GangWaiting, "0/2 nodes are available: 1 Insufficient memory, 1 Insufficient cpu, 1 Too many pods.");
        var pod = from count in Gen.Choose(1, 4)
                  from times in Gen.Choose(0, 100).ArrayOf(count)
                  from texts in messages.ArrayOf(count)
                  from bound in Gen.Choose(-1, 120)
                  select (times, texts, bound);
        return Prop.ForAll(Arb.From(from n in Gen.Choose(1, 6) from pods in pod.ArrayOf(n) select pods), pods =>
        {
            var result = SampleRuns.Result() with
            {
                EndTime = Seconds(120),
                Pods = [.. pods.Select((p, i) => Pod("p" + i, 0, scheduled: p.bound < 0 ? null : p.bound))],
                Events = [.. pods.SelectMany((p, i) => p.times.Zip(p.texts).Select(a => Failed(a.First, "p" + i, a.Second))).OrderBy(e => e.Time)],
            };
            var intervals = PendingIntervals.Of(result);
            var series = PendingByReason.Of(intervals);
            return series.Times.Select((t, j) => (t, j)).All(x =>
            {
                int pending = intervals.Where(i => i.From <= x.t && x.t < i.To).Select(i => i.Pod).Distinct().Count();
                double stacked = series.Values.Sum(v => v[x.j]);
                return Math.Abs(stacked - pending) < 1e-9;
            });
        });
    }

    [Fact]
    public void The_chart_stacks_one_band_per_reason_under_the_sampled_total()
    {
        var run = HandRun() with { TimeSeries = ChartRuns.Full().TimeSeries };
        using var plot = RunChartsTests.Chart("pending-pods").Build(run);

        Assert.Equal([Gang, Cpu, Taint], plot.GetPlottables<ScottPlot.Plottables.FillY>().Select(f => f.LegendText));
        Assert.Equal(["all pending (sampled)"], plot.GetPlottables<ScottPlot.Plottables.Scatter>().Select(s => s.LegendText));
    }

    [Fact]
    public void The_chart_draws_a_1200x700_png_and_an_svg_with_its_title_labels_and_reasons()
    {
        RunCharts.WriteOne(_temp.Path, RunChartsTests.Chart("pending-pods"), HandRun());

        using var bitmap = SKBitmap.Decode(_temp.Combine("pending-pods.png"));
        Assert.Equal((1200, 700), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Select(p => (uint)p).Distinct().Count() > 100);
        var svg = XDocument.Load(_temp.Combine("pending-pods.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Pending pods by reason", texts);
        Assert.Contains("virtual time (s)", texts);
        Assert.Contains("pods", texts);
        Assert.Contains(Cpu, texts);
        Assert.Contains(Taint, texts);
        Assert.Contains(Gang, texts);
    }

    [Fact]
    public void The_band_of_a_reason_fills_the_chart_where_pods_waited_on_it()
    {
        using var plot = RunChartsTests.Chart("pending-pods").Build(HandRun());
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(1200, 700, ImageFormat.Png));

        var bands = plot.GetPlottables<ScottPlot.Plottables.FillY>().ToList();
        // At 35 s: gang 0 to 1, cpu 1 to 3 (a and b). At 45 s b is gone: cpu 1 to 2, nothing above.
        Assert.Equal(bands[0].FillColor, PixelAt(plot, bitmap, 35, 0.5));
        Assert.Equal(bands[1].FillColor, PixelAt(plot, bitmap, 35, 2.5));
        Assert.Equal(bands[1].FillColor, PixelAt(plot, bitmap, 45, 1.5));
        Assert.DoesNotContain(PixelAt(plot, bitmap, 45, 2.3), bands.Select(b => b.FillColor));
        // At 60 s only d waits, on its gang.
        Assert.Equal(bands[0].FillColor, PixelAt(plot, bitmap, 60, 0.5));
        Assert.DoesNotContain(PixelAt(plot, bitmap, 60, 1.3), bands.Select(b => b.FillColor));
    }

    internal static Color PixelAt(Plot plot, SKBitmap bitmap, double x, double y)
    {
        var pixel = plot.GetPixel(new Coordinates(x, y));
        var c = bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
        return new Color(c.Red, c.Green, c.Blue, c.Alpha);
    }
}
