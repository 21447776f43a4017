using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// Fidelity fact 15 with CA's real timings: scale-up at the next 10 s scan after a pod becomes
/// unschedulable; an empty node removed at the first scan 10 min (scale-down-unneeded-time) after
/// it became unneeded, never within 10 min of a scale-up (scale-down-delay-after-add); a node not
/// registered within 15 min (max-node-provision-time) given up, its group backing off 5 min, then 10.
/// </summary>
public class AutoscalerTimingTests
{
    [Theory]
    [InlineData(0, 10)]   // unschedulable at 0 s: the scan at 10 s
    [InlineData(13, 20)]  // unschedulable at 13 s: the scan at 20 s, 7 s later
    [InlineData(20, 30)]  // the scan at 20 s ran before the pod was created (same time, earlier event)
    public void An_unschedulable_pod_triggers_a_scale_up_at_the_next_scan(int createdAt, int scaleUpAt)
    {
        var cluster = NewCluster().Pools(Pool("cpu", min: 0, max: 3)).StartAutoscaler();
        cluster.RunTo($"{createdAt}s");
        var pod = cluster.Create(new PodBuilder("web").Cpu("2"));
        cluster.RunTo($"{scaleUpAt}s");

        var triggered = Assert.Single(cluster.EventsFor(pod, "TriggeredScaleUp"));
        Assert.Equal(Seconds(scaleUpAt), triggered.Time);
        Assert.Equal("pod triggered scale-up: [{cpu 0->1 (max: 3)}]", triggered.Message);
        Assert.Equal(EventType.Normal, triggered.Type);
        var group = Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Equal(Seconds(scaleUpAt), group.Time);
        Assert.Equal("Scale-up: setting group cpu size to 1 instead of 0 (max: 3)", group.Message);
        Assert.Equal(("ConfigMap", "kube-system/cluster-autoscaler-status"), (group.ObjectKind, group.ObjectName));

        // The node registers 1 min (the pool's provisioning delay) after the request; the pod lands on it.
        cluster.RunTo($"{scaleUpAt + 59}s");
        Assert.Empty(cluster.Store.Nodes);
        cluster.RunTo($"{scaleUpAt + 61}s");
        Assert.Equal(["cpu-0"], cluster.NodeNames());
        Assert.Equal("cpu-0", pod.Spec.NodeName);
        Assert.Equal(1, cluster.Sim.ClusterAutoscaler.Summarize()!.ScaleUps);
        Assert.Equal(1, cluster.Sim.ClusterAutoscaler.Summarize()!.NodesRegistered);
    }

    [Fact]
    public void An_empty_node_is_removed_at_the_first_scan_ten_minutes_after_it_became_unneeded()
    {
        var cluster = NewCluster().Pools(Pool("cpu", min: 0, max: 3, count: 1)).StartAutoscaler();
        // Unneeded from the first scan (10 s): removable at 10 s + 10 min.
        cluster.RunTo("609s");
        Assert.Equal(["cpu-0"], cluster.NodeNames());
        cluster.RunTo("610s");
        Assert.Empty(cluster.Store.Nodes);
        Assert.Equal([("cpu-0", Seconds(610))], cluster.Removals());
        // CA's two status events: removing, then removed.
        Assert.Equal(
            [(Seconds(610), "Scale-down: removing empty node \"cpu-0\""), (Seconds(610), "Scale-down: empty node cpu-0 removed")],
            cluster.AutoscalerEvents("ScaleDownEmpty").Select(e => (e.Time, e.Message)));
    }

    [Fact]
    public void A_node_emptied_later_is_unneeded_from_the_first_scan_after_its_last_pod_finished()
    {
        var cluster = NewCluster().Pools(Pool("cpu", min: 0, max: 3, count: 1)).StartAutoscaler();
        // 6 of 8 CPUs (75 %, above the 0.5 threshold) until the pod finishes.
        var pod = cluster.Create(new PodBuilder("batch").Cpu("6").Runs("5m"));
        cluster.RunTo("30m");
        var finished = cluster.RecordOf(pod).Finished!.Value;
        Assert.True(finished > Seconds(300));
        var firstScan = Seconds((finished.Microseconds / 10_000_000 + 1) * 10);
        Assert.Equal([("cpu-0", firstScan + SimDuration.FromMinutes(10))], cluster.Removals());
    }

    [Fact]
    public void No_node_is_removed_within_ten_minutes_of_a_scale_up()
    {
        // "idle" is empty from the start (unneeded from 10 s, removable at 610 s), but "big" scales
        // up at 310 s for a pod created at 5 min: scale-down-delay-after-add holds every removal until 910 s.
        var cluster = NewCluster().Pools(Pool("idle", min: 0, max: 1, count: 1, cpu: 2), Pool("big", min: 0, max: 2, cpu: 8)).StartAutoscaler();
        cluster.RunTo("5m");
        cluster.Create(new PodBuilder("wide").Cpu("4"));
        cluster.RunTo("909s");
        Assert.Equal(Seconds(310), Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Time);
        Assert.Empty(cluster.Removals());
        Assert.Equal(["big-0", "idle-0"], cluster.NodeNames());
        cluster.RunTo("910s");
        Assert.Equal([("idle-0", Seconds(910))], cluster.Removals());
    }

    [Fact]
    public void Without_the_scale_up_the_same_node_goes_at_610_s()
    {
        var cluster = NewCluster().Pools(Pool("idle", min: 0, max: 1, count: 1, cpu: 2), Pool("big", min: 0, max: 2, cpu: 8)).StartAutoscaler();
        cluster.RunTo("20m");
        Assert.Equal([("idle-0", Seconds(610))], cluster.Removals());
    }

    [Fact]
    public void A_node_not_registered_within_15_min_is_given_up_and_its_group_backs_off_5_then_10_min()
    {
        // Provisioning takes 20 min: never within max-node-provision-time.
        var cluster = NewCluster().Pools(Pool("slow", min: 0, max: 3, provisioning: "20m", price: 1.2)).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("web").Cpu("2"));
        cluster.RunTo("909s");
        Assert.Empty(cluster.AutoscalerEvents("ScaleUpTimedOut"));

        // Requested at 10 s: given up at the first scan >= 10 s + 15 min = 910 s.
        cluster.RunTo("910s");
        var timedOut = Assert.Single(cluster.AutoscalerEvents("ScaleUpTimedOut"));
        Assert.Equal((Seconds(910), EventType.Warning), (timedOut.Time, timedOut.Type));
        Assert.Equal("Nodes added to group slow failed to register within 15m0s", timedOut.Message);
        // In the same loop the only group is backing off: the pod says why it triggers nothing.
        var notTriggered = Assert.Single(cluster.EventsFor(pod, "NotTriggerScaleUp"));
        Assert.Equal(Seconds(910), notTriggered.Time);
        Assert.Equal("pod didn't trigger scale-up: 1 in backoff after failed scale-up", notTriggered.Message);

        // The backoff ends at 910 s + 5 min = 1210 s: the pod triggers a second request then.
        cluster.RunTo("1209s");
        Assert.Single(cluster.EventsFor(pod, "TriggeredScaleUp"));
        cluster.RunTo("1210s");
        var triggers = cluster.EventsFor(pod, "TriggeredScaleUp").ToList();
        Assert.Equal([Seconds(10), Seconds(1210)], triggers.Select(e => e.Time));
        Assert.All(triggers, e => Assert.Equal("pod triggered scale-up: [{slow 0->1 (max: 3)}]", e.Message));
        // The given-up instance never registers, not even at its 20 min (1210 s).
        Assert.Empty(cluster.Store.Nodes);

        // Second failure at 1210 s + 15 min = 2110 s: the backoff doubles to 10 min, until 2710 s.
        cluster.RunTo("2110s");
        var second = cluster.AutoscalerEvents("ScaleUpTimedOut");
        Assert.Equal([Seconds(910), Seconds(2110)], second.Select(e => e.Time));
        Assert.Equal("Nodes added to group slow failed to register within 15m0s", second[1].Message);
        cluster.RunTo("2709s");
        Assert.Equal(2, cluster.EventsFor(pod, "TriggeredScaleUp").Count());
        cluster.RunTo("2710s");
        Assert.Equal(Seconds(2710), cluster.EventsFor(pod, "TriggeredScaleUp").Last().Time);
        Assert.Equal(2, cluster.Sim.ClusterAutoscaler.Summarize()!.ProvisioningTimeouts);
        Assert.Equal(3, cluster.Sim.ClusterAutoscaler.Summarize()!.NodesRequested);
        Assert.Equal(0, cluster.Sim.ClusterAutoscaler.Summarize()!.NodesRegistered);
    }

    [Fact]
    public void While_one_group_backs_off_another_that_fits_the_pod_is_used()
    {
        // least-waste prefers "slow" for a 4-CPU pod: (8-4)/8 = 0.5 idle CPU against (16-4)/16 = 0.75.
        var cluster = NewCluster().Pools(
            Pool("slow", min: 0, max: 3, cpu: 8, memoryGi: 32, provisioning: "20m"),
            Pool("fast", min: 0, max: 3, cpu: 16, memoryGi: 32, provisioning: "1m")).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("web").Cpu("4"));
        cluster.RunTo("910s");

        var triggers = cluster.EventsFor(pod, "TriggeredScaleUp").ToList();
        Assert.Equal([(Seconds(10), "pod triggered scale-up: [{slow 0->1 (max: 3)}]"), (Seconds(910), "pod triggered scale-up: [{fast 0->1 (max: 3)}]")],
            triggers.Select(e => (e.Time, e.Message)));
        Assert.Empty(cluster.EventsFor(pod, "NotTriggerScaleUp"));
        cluster.RunTo("970s");
        Assert.Equal("fast-0", pod.Spec.NodeName);
    }
}
