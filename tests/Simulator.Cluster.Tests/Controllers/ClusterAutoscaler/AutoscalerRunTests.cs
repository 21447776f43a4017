using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// The autoscaler inside a whole run (<see cref="ClusterSimulation.Run"/> starts it): a run without a
/// duration lasts while it has work (a scale-up, a scale-down, a group due out of backoff), scale-down of a NotReady node waits scale-down-unready-time
/// (20 min), and a pod's nodeSelector on the pool label steers the choice of group.
/// </summary>
public class AutoscalerRunTests
{
    [Fact]
    public void A_run_without_a_duration_waits_for_the_scale_up_and_the_scale_down_then_ends_quiescent()
    {
        // Scale-up at 10 s, node at 70 s, the pod runs 5 min; the empty node is removed at the first
        // scan 10 min after the one that finds it unneeded, and then nothing is left to do.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, provisioning: "1m"));
        var pod = new PodBuilder("batch").Cpu("2").Runs("5m").Build();
        cluster.Sim.SubmitPod(SimTime.Zero, pod);
        var result = cluster.Sim.Run(null);

        Assert.Equal(RunEnd.Quiescent, result.EndReason);
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        var removal = Assert.Single(cluster.Removals());
        Assert.Equal("cpu-0", removal.Node);
        var finished = cluster.RecordOf(pod).Finished!.Value;
        var firstScanAfter = Seconds((finished.Microseconds / 10_000_000 + 1) * 10);
        Assert.Equal(firstScanAfter + SimDuration.FromMinutes(10), removal.Time);
        // It ends once the pod garbage collector has removed the finished pod of the deleted node
        // (40-60 s later), not at the safety limit.
        Assert.True(cluster.Engine.Now >= removal.Time && cluster.Engine.Now <= removal.Time + SimDuration.FromMinutes(2), $"ended at {cluster.Engine.Now}, removal at {removal.Time}");
        Assert.Empty(cluster.Store.Nodes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(60)]
    public void How_often_the_run_checks_for_quiescence_never_cuts_a_scale_down_short(int metricsSeconds)
    {
        // The pod ends between two scans; a quiescence check before the next scan must not end the
        // run with the now empty node still there (review finding: it did with metrics every 2 s).
        var cluster = new TestCluster(new ClusterOptions { Seed = 1, MetricsInterval = SimDuration.FromSeconds(metricsSeconds) })
            .Pools(Pool("cpu", 0, 3, provisioning: "1m"));
        var pod = new PodBuilder("batch").Cpu("2").Runs("5m").Build();
        cluster.Sim.SubmitPod(SimTime.Zero, pod);
        var result = cluster.Sim.Run(null);

        Assert.Equal(RunEnd.Quiescent, result.EndReason);
        var removal = Assert.Single(cluster.Removals());
        var finished = cluster.RecordOf(pod).Finished!.Value;
        Assert.Equal(Seconds((finished.Microseconds / 10_000_000 + 1) * 10) + SimDuration.FromMinutes(10), removal.Time);
        Assert.Equal((0, 1, 0), (result.Summary.ClusterAutoscaler!.Groups[0].StartSize, result.Summary.ClusterAutoscaler.Groups[0].PeakSize, result.Summary.ClusterAutoscaler.Groups[0].EndSize));
    }

    [Fact]
    public void A_run_without_autoscaled_pools_arms_no_scan()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("n1").Cpu("4"));
        cluster.Sim.SubmitPod(SimTime.Zero, new PodBuilder("p").Cpu("8").Build()); // never fits
        var result = cluster.Sim.Run(null);
        Assert.Equal(RunEnd.Quiescent, result.EndReason);
        Assert.Empty(cluster.Sim.ClusterAutoscaler.Groups);
        Assert.DoesNotContain(cluster.Sim.Metrics.Events, e => e.Source == Simulator.Cluster.Controllers.ClusterAutoscaler.ClusterAutoscaler.ComponentName);
    }

    [Fact]
    public void An_empty_not_ready_node_goes_after_scale_down_unready_time_20_min()
    {
        // cpu-0 fails at 0 s: unneeded from the 10 s scan; NotReady once the node lifecycle
        // controller notices (after its 50 s grace), so it waits 20 min: removed at 1210 s, not 610 s.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 1));
        cluster.Sim.Faults.Schedule(new FailNode(SimTime.Zero, "cpu-0"));
        cluster.StartAutoscaler();
        cluster.RunTo("1209s");
        Assert.False(cluster.Store.GetNode("cpu-0")!.Status.IsReady());
        Assert.Empty(cluster.Removals());
        cluster.RunTo("1210s");
        Assert.Equal([("cpu-0", Seconds(1210))], cluster.Removals());
    }

    [Fact]
    public void A_node_selector_on_the_pool_label_picks_the_group_least_waste_would_not()
    {
        // least-waste would take "small" (4 CPU) for a 3-CPU pod; the pod asks for "large".
        var cluster = NewCluster().Pools(Pool("small", 0, 3, cpu: 4, memoryGi: 8), Pool("large", 0, 3, cpu: 16, memoryGi: 64)).StartAutoscaler();
        var pinned = cluster.Create(new PodBuilder("pinned").Cpu("3").NodeSelector(NodePool.PoolLabel, "large"));
        cluster.RunTo("10s");
        Assert.Equal("pod triggered scale-up: [{large 0->1 (max: 3)}]", Assert.Single(cluster.EventsFor(pinned, "TriggeredScaleUp")).Message);
        var free = cluster.Create(new PodBuilder("free").Cpu("3").Memory("8Gi"));
        cluster.RunTo("20s");
        // The free pod fits the upcoming large node (3 + 3 of 16 CPU): no second scale-up.
        Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
        cluster.RunTo("2m");
        Assert.Equal("large-0", pinned.Spec.NodeName);
        Assert.Equal("large-0", free.Spec.NodeName);
    }

    [Fact]
    public void A_run_without_a_duration_does_not_end_while_a_backed_off_group_will_be_tried_again()
    {
        // The only pool's first node never registers (20 min > 15 min): given up at 910 s, the
        // group backs off until 1210 s, when CA asks again. The run must not stop in between
        // with the pod pending and the autoscaler about to act.
        var cluster = NewCluster().Pools(Pool("slow", 0, 3, provisioning: "20m"));
        cluster.Sim.SubmitPod(SimTime.Zero, new PodBuilder("web").Cpu("2").Build());
        var result = cluster.Sim.Run(null);
        Assert.True(cluster.AutoscalerEvents("ScaleUpTimedOut").Count >= 2,
            $"ended ({result.EndReason}) at {cluster.Engine.Now} after {cluster.AutoscalerEvents("ScaleUpTimedOut").Count} timeout(s)");
    }
}
