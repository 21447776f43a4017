using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;
using Simulator.Reporting.Html;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Html;

public sealed class WhyPendingTests
{
    private const string CpuAndTaint =
        "0/3 nodes are available: 2 Insufficient cpu, 1 node(s) had untolerated taint {gpu: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    private const string CpuOnly = "0/3 nodes are available: 3 Insufficient cpu.";
    private const string GangWaiting = "pod group is not ready.";

    private static PodRecord Pod(string name, double created, double? scheduled = null, double? deleted = null) => new()
    {
        Namespace = "ml", Name = name, Uid = name + "-" + created, Created = SampleRuns.Seconds(created),
        Scheduled = scheduled is { } s ? SampleRuns.Seconds(s) : null, Deleted = deleted is { } d ? SampleRuns.Seconds(d) : null,
        Phase = scheduled is null ? PodPhase.Pending : PodPhase.Running,
    };

    private static ClusterEvent Failed(double at, string pod, string message) =>
        new(SampleRuns.Seconds(at), EventType.Warning, "FailedScheduling", "Pod", "ml/" + pod, message, "default-scheduler");

    /// <summary>
    /// a: fails at 10 s (cpu and taint) and 70 s (cpu), bound at 3670 s: cpu 60 + 3600 = 3660 s, taint 60 s.
    /// b: fails at 100 s, deleted at 1900 s: cpu 1800 s. A second b, created at 2000 s, fails then and
    /// is bound at 2360 s: cpu 360 s (the events go to the pod of that name alive at the time).
    /// c: bound at once, never failed: not counted. d: waits on its gang from 0 s to the end at 7200 s.
    /// cpu: 3 pods, 5820 s; taint: 1 pod, 60 s; gang: 1 pod, 7200 s; any: 4 pods, 3660 + 1800 + 360 + 7200 = 13020 s.
    /// </summary>
    [Fact]
    public void Pending_time_goes_to_the_reasons_of_the_latest_failed_attempt()
    {
        var result = SampleRuns.Result() with
        {
            EndTime = SampleRuns.Seconds(7200),
            Pods = [Pod("a", 0, scheduled: 3670), Pod("b", 100, deleted: 1900), Pod("c", 0, scheduled: 5), Pod("d", 0), Pod("b", 2000, scheduled: 2360)],
            Events =
            [
                Failed(0, "d", GangWaiting),
                Failed(10, "a", CpuAndTaint),
                Failed(70, "a", CpuOnly),
                Failed(100, "b", CpuOnly),
                Failed(2000, "b", CpuOnly),
            ],
        };

        var pending = WhyPending.Of(result);

        Assert.Equal(
        [
            new PendingReason("pod group is not ready", 1, SimDuration.FromSeconds(7200)),
            new PendingReason("Insufficient cpu", 3, SimDuration.FromSeconds(5820)),
            new PendingReason("node(s) had untolerated taint {gpu: true}", 1, SimDuration.FromSeconds(60)),
        ], pending.Reasons);
        Assert.Equal(new PendingReason(WhyPending.TotalLabel, 4, SimDuration.FromSeconds(13020)), pending.Total);
        Assert.Equal("1.6167", RunReport.PodHours(pending.Reasons[1]));
        Assert.Equal("3.6167", RunReport.PodHours(pending.Total));
    }

    [Fact]
    public void A_run_where_every_pod_fit_at_once_has_no_pending_rows()
    {
        var result = SampleRuns.Result() with { Pods = [Pod("c", 0, scheduled: 5)], Events = [] };

        var pending = WhyPending.Of(result);

        Assert.Empty(pending.Reasons);
        Assert.Equal(0, pending.Total.Pods);
    }

    /// <summary>
    /// For any pod failing on any mix of reasons at any times: no reason holds more pending time than
    /// the total, and together they hold at least the total (every failed attempt names a reason).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Every_reason_is_within_the_total_and_together_they_cover_it()
    {
        var messages = Gen.Elements(CpuAndTaint, CpuOnly, GangWaiting);
        var cases = Arb.From(from count in Gen.Choose(0, 8)
                             from times in Gen.Choose(0, 5000).ArrayOf(count)
                             from texts in messages.ArrayOf(count)
                             from scheduled in Gen.Choose(-1, 6000)
                             select (times, texts, scheduled));
        return Prop.ForAll(cases, c =>
        {
            var events = c.times.Zip(c.texts).OrderBy(a => a.First).Select(a => Failed(a.First, "p", a.Second)).ToList();
            var result = SampleRuns.Result() with
            {
                EndTime = SampleRuns.Seconds(7200),
                Pods = [Pod("p", 0, scheduled: c.scheduled < 0 ? null : c.scheduled)],
                Events = events,
            };
            var pending = WhyPending.Of(result);
            long sum = pending.Reasons.Sum(r => r.PodTime.Microseconds);
            return pending.Reasons.All(r => r.PodTime <= pending.Total.PodTime) && sum >= pending.Total.PodTime.Microseconds;
        });
    }
}
