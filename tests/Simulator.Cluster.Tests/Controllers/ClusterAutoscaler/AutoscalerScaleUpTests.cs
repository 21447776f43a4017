using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// Scale-up decisions on constructed cases: the least-waste expander's choice, the binpacking
/// estimator's node count, a group's max, pods that an upcoming node will take, and CA's
/// NotTriggerScaleUp message for a pod no group can help.
/// </summary>
public class AutoscalerScaleUpTests
{
    [Fact]
    public void Least_waste_picks_the_pool_idling_the_least_cpu_plus_memory_even_with_more_nodes()
    {
        // Two pods of 3 CPU and 6 GiB.
        //   big   (8 CPU, 16 GiB): one node takes both: (8-6)/8 + (16-12)/16 = 0.25 + 0.25  = 0.5
        //   small (4 CPU,  7 GiB): one pod a node, 2 nodes: (8-6)/8 + (14-12)/14 = 0.25 + 0.143 = 0.393
        var cluster = NewCluster().Pools(Pool("big", 0, 5, cpu: 8, memoryGi: 16), Pool("small", 0, 5, cpu: 4, memoryGi: 7)).StartAutoscaler();
        var a = cluster.Create(new PodBuilder("a").Cpu("3").Memory("6Gi"));
        var b = cluster.Create(new PodBuilder("b").Cpu("3").Memory("6Gi"));
        cluster.RunTo("10s");

        Assert.Equal("Scale-up: setting group small size to 2 instead of 0 (max: 5)", Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Message);
        foreach (var pod in new[] { a, b })
            Assert.Equal("pod triggered scale-up: [{small 0->2 (max: 5)}]", Assert.Single(cluster.EventsFor(pod, "TriggeredScaleUp")).Message);
        cluster.RunTo("80s");
        Assert.Equal(["small-0", "small-1"], cluster.NodeNames());
        Assert.NotEqual(a.Spec.NodeName, b.Spec.NodeName);
    }

    [Fact]
    public void Least_nodes_would_have_picked_the_other_pool_on_the_same_case()
    {
        var settings = new Simulator.Cluster.Controllers.ClusterAutoscaler.ClusterAutoscalerSettings { Expander = "least-nodes" };
        var cluster = NewCluster(settings: settings).Pools(Pool("big", 0, 5, cpu: 8, memoryGi: 16), Pool("small", 0, 5, cpu: 4, memoryGi: 7)).StartAutoscaler();
        cluster.Create(new PodBuilder("a").Cpu("3").Memory("6Gi"));
        cluster.Create(new PodBuilder("b").Cpu("3").Memory("6Gi"));
        cluster.RunTo("10s");
        Assert.Equal("Scale-up: setting group big size to 1 instead of 0 (max: 5)", Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Message);
    }

    [Fact]
    public void Binpacking_five_pods_of_3_cpu_on_8_cpu_nodes_asks_for_three_nodes()
    {
        // First fit: 2 + 2 + 1 pods (6, 6 and 3 of 8 CPUs).
        var cluster = NewCluster().Pools(Pool("cpu", 0, 10)).StartAutoscaler();
        var pods = Enumerable.Range(0, 5).Select(i => cluster.Create(new PodBuilder($"p{i}").Cpu("3"))).ToList();
        cluster.RunTo("10s");
        Assert.Equal("Scale-up: setting group cpu size to 3 instead of 0 (max: 10)", Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Message);
        Assert.All(pods, p => Assert.Equal("pod triggered scale-up: [{cpu 0->3 (max: 10)}]", Assert.Single(cluster.EventsFor(p, "TriggeredScaleUp")).Message));
        cluster.RunTo("2m");
        Assert.Equal(["cpu-0", "cpu-1", "cpu-2"], cluster.NodeNames());
        Assert.All(pods, p => Assert.True(p.IsBound));
        Assert.Equal(1, cluster.Sim.ClusterAutoscaler.Summarize()!.ScaleUps);
        Assert.Equal(3, cluster.Sim.ClusterAutoscaler.Summarize()!.NodesRequested);
    }

    [Fact]
    public void A_group_never_grows_past_its_max_and_the_pod_left_over_says_so()
    {
        // cpu-0 takes two 3-CPU pods; three remain, and max 2 leaves room for one node (two pods).
        var cluster = NewCluster().Pools(Pool("cpu", 0, 2, count: 1)).StartAutoscaler();
        var pods = Enumerable.Range(0, 5).Select(i => cluster.Create(new PodBuilder($"p{i}").Cpu("3"))).ToList();
        cluster.RunTo("10s");
        Assert.Equal("Scale-up: setting group cpu size to 2 instead of 1 (max: 2)", Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Message);
        var pending = pods.Where(p => !p.IsBound).ToList();
        Assert.Equal(3, pending.Count);
        Assert.Equal(2, pending.Count(p => cluster.EventsFor(p, "TriggeredScaleUp").Any()));
        var leftOver = Assert.Single(pending, p => !cluster.EventsFor(p, "TriggeredScaleUp").Any());

        // Next scan: two pods will fit the upcoming node, the third reaches a group at its max.
        cluster.RunTo("20s");
        var why = Assert.Single(cluster.EventsFor(leftOver, "NotTriggerScaleUp"));
        Assert.Equal((Seconds(20), "pod didn't trigger scale-up: 1 max node group size reached"), (why.Time, why.Message));
        cluster.RunTo("30m");
        Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Equal(["cpu-0", "cpu-1"], cluster.NodeNames());
        Assert.False(leftOver.IsBound);
        // Recorded once per pod and message, not on every scan.
        Assert.Single(cluster.EventsFor(leftOver, "NotTriggerScaleUp"));
    }

    [Fact]
    public void A_pod_that_fits_an_upcoming_node_causes_no_second_scale_up()
    {
        var cluster = NewCluster().Pools(Pool("cpu", 0, 5)).StartAutoscaler();
        var a = cluster.Create(new PodBuilder("a").Cpu("3"));
        cluster.RunTo("15s");
        var b = cluster.Create(new PodBuilder("b").Cpu("3")); // 3 + 3 of 8 on the node requested at 10 s
        cluster.RunTo("25s");
        Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Empty(cluster.EventsFor(b, "TriggeredScaleUp"));
        Assert.Empty(cluster.EventsFor(b, "NotTriggerScaleUp"));

        var c = cluster.Create(new PodBuilder("c").Cpu("3")); // 9 of 8: needs a second node, at the 30 s scan
        cluster.RunTo("30s");
        Assert.Equal(
            ["Scale-up: setting group cpu size to 1 instead of 0 (max: 5)", "Scale-up: setting group cpu size to 2 instead of 1 (max: 5)"],
            cluster.AutoscalerEvents("ScaledUpGroup").Select(e => e.Message));
        Assert.Equal("pod triggered scale-up: [{cpu 1->2 (max: 5)}]", Assert.Single(cluster.EventsFor(c, "TriggeredScaleUp")).Message);
        cluster.RunTo("2m");
        Assert.Equal("cpu-0", a.Spec.NodeName);
        Assert.Equal("cpu-0", b.Spec.NodeName);
        Assert.Equal("cpu-1", c.Spec.NodeName);
    }

    [Fact]
    public void A_pod_no_group_can_take_gets_CA_s_message_counting_each_reason_per_group()
    {
        // "cpu" has no GPUs; "gpu" could take it but is at its max (its one node is full).
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3), Pool("gpu", 0, 1, count: 1, gpus: 4)).StartAutoscaler();
        var full = cluster.Create(new PodBuilder("full").Cpu("1").Gpus(4));
        var pod = cluster.Create(new PodBuilder("train").Cpu("1").Gpus(2));
        cluster.RunTo("10m");

        Assert.Equal("gpu-0", full.Spec.NodeName);
        var why = Assert.Single(cluster.EventsFor(pod, "NotTriggerScaleUp"));
        Assert.Equal(Seconds(30), why.Time); // GPU pods: CA waits until the oldest is 30 s old
        Assert.Equal("pod didn't trigger scale-up: 1 Insufficient nvidia.com/gpu, 1 max node group size reached", why.Message);
        Assert.Empty(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Empty(cluster.EventsFor(pod, "TriggeredScaleUp"));
    }

    [Fact]
    public void A_pod_larger_than_every_template_counts_each_group_once_in_one_reason()
    {
        var cluster = NewCluster().Pools(Pool("a", 0, 3, cpu: 8), Pool("b", 0, 3, cpu: 16)).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("huge").Cpu("32"));
        cluster.RunTo("1m");
        Assert.Equal("pod didn't trigger scale-up: 2 Insufficient cpu", Assert.Single(cluster.EventsFor(pod, "NotTriggerScaleUp")).Message);
        Assert.Empty(cluster.AutoscalerEvents("ScaledUpGroup"));
    }

    [Fact]
    public void A_pod_at_a_full_group_waits_for_room_on_the_existing_node_without_a_scale_up()
    {
        // "gpu" is at its max; its only node's pod finishes after 5 min and the waiting pod takes
        // its place: one NotTriggerScaleUp, no scale-up.
        var cluster = NewCluster().Pools(Pool("gpu", 0, 1, count: 1, gpus: 2)).StartAutoscaler();
        cluster.Create(new PodBuilder("first").Cpu("1").Gpus(2).Runs("5m"));
        var pod = cluster.Create(new PodBuilder("second").Cpu("1").Gpus(2));
        cluster.RunTo("20m");
        Assert.Equal("pod didn't trigger scale-up: 1 max node group size reached", Assert.Single(cluster.EventsFor(pod, "NotTriggerScaleUp")).Message);
        Assert.Equal("gpu-0", pod.Spec.NodeName);
        Assert.Empty(cluster.AutoscalerEvents("ScaledUpGroup"));
    }

    /// <summary>
    /// CA (orchestrator GetRemainingPods) gives every pod it cannot help all the skipped groups'
    /// reasons, whether or not the pod would fit the skipped group's template: the skipped group
    /// is never simulated. So a pod too large for every template, in a cluster whose other group is
    /// at its max, still hears about the max, and a pod whose only group is skipped gets an event.
    /// </summary>
    [Theory]
    [InlineData(false, "pod didn't trigger scale-up: 1 max node group size reached")]
    [InlineData(true, "pod didn't trigger scale-up: 1 Insufficient cpu, 1 max node group size reached")]
    public void A_skipped_group_s_reason_is_named_for_every_pod_CA_cannot_help(bool withOpenGroup, string expected)
    {
        var pools = new List<Simulator.Cluster.Api.NodePool> { Pool("full", 0, 1, count: 1) };
        if (withOpenGroup) pools.Add(Pool("open", 0, 3));
        var cluster = NewCluster().Pools([.. pools]).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("huge").Cpu("32"));
        cluster.RunTo("1m");
        Assert.Equal(expected, Assert.Single(cluster.EventsFor(pod, "NotTriggerScaleUp")).Message);
    }

    /// <summary>
    /// CA's --expendable-pods-priority-cutoff (default -10): a pod whose priority is below it is
    /// expendable and never causes a scale-up; one at the cutoff does.
    /// </summary>
    [Theory]
    [InlineData(-11, false)]
    [InlineData(-10, true)]
    public void A_pod_below_the_expendable_priority_cutoff_never_triggers_a_scale_up(int priority, bool scalesUp)
    {
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3)).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("filler").Cpu("2").Priority(priority));
        cluster.RunTo("5m");
        Assert.Equal(scalesUp, cluster.EventsFor(pod, "TriggeredScaleUp").Any());
        Assert.Equal(scalesUp ? 1 : 0, cluster.AutoscalerEvents("ScaledUpGroup").Count);
    }
}
