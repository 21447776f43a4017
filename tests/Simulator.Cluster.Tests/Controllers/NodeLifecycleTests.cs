using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.NodeLifecycleTestKit;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The node lifecycle controller (pkg/controller/nodelifecycle): a node whose kubelet stops is
/// Ready=Unknown and tainted unreachable at the first 5 s monitor pass at least 50 s later (fact
/// 9), its pods are marked not Ready; a kubelet back makes it Ready and untainted; NoExecute
/// taints go through per-zone rate limits and kube's disruption rules.
/// </summary>
public class NodeLifecycleTests
{
    private static readonly SimDuration OneMicrosecond = SimDuration.FromMicroseconds(1);

    private static SimTime? ReadySince(Node node, ConditionStatus status) =>
        node.Status.Conditions.SingleOrDefault(c => c.Type == NodeConditionType.Ready && c.Status == status)?.LastTransitionTime;

    [Theory]
    [InlineData("3s", "55s")]
    [InlineData("100s", "150s")]
    [InlineData("100.000001s", "155s")]
    [InlineData("101s", "155s")]
    [InlineData("104.5s", "155s")]
    [InlineData("105s", "155s")]
    public void A_silent_node_is_unreachable_at_the_first_monitor_pass_50s_after_its_kubelet_stopped(string failedAt, string unreachableAt)
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        cluster.FailAt(failedAt, "n1");
        var node = cluster.Node("n1");

        cluster.Engine.RunUntil(At(unreachableAt) - OneMicrosecond);
        Assert.Equal(ConditionStatus.True, node.Ready());
        Assert.Empty(node.Spec.Taints);
        Assert.Equal(ConditionStatus.True, pod.Status.GetCondition(PodConditionType.Ready)!.Status);

        cluster.RunTo(unreachableAt);
        var ready = node.Status.Conditions.Single(c => c.Type == NodeConditionType.Ready);
        Assert.Equal(new NodeCondition(NodeConditionType.Ready, ConditionStatus.Unknown, At(unreachableAt),
            "NodeStatusUnknown", "Kubelet stopped posting node status."), ready);
        Assert.Equal(
            [NodeLifecycleController.UnreachableNoSchedule, NodeLifecycleController.UnreachableNoExecute],
            node.Spec.Taints);
        var notReady = Assert.Single(cluster.Events("NodeNotReady", "n1"));
        Assert.Equal(new ClusterEvent(At(unreachableAt), EventType.Normal, "NodeNotReady", "Node", "n1",
            "Node n1 status is now: NodeNotReady", "node-controller"), notReady);

        // MarkPodsNotReady: the pod is no longer Ready, with a Warning on it.
        Assert.Equal(ConditionStatus.False, pod.Status.GetCondition(PodConditionType.Ready)!.Status);
        var podEvent = Assert.Single(cluster.Events("NodeNotReady", pod.Key));
        Assert.Equal((EventType.Warning, "Node is not ready", At(unreachableAt)), (podEvent.Type, podEvent.Message, podEvent.Time));

        Assert.Equal(ConditionStatus.True, cluster.Node("n2").Ready());
        Assert.Empty(cluster.Node("n2").Spec.Taints);
    }

    [Fact]
    public void The_scheduler_keeps_new_pods_off_an_unreachable_node_until_it_is_back()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        cluster.FailAt("10s", "n1");
        cluster.RecoverAt("102s", "n1");
        cluster.RunTo("60s");

        var during = Enumerable.Range(0, 4).Select(i => cluster.Create(new PodBuilder($"during-{i}"))).ToList();
        cluster.RunTo("100s");
        Assert.All(during, p => Assert.Equal("n2", p.Spec.NodeName));

        cluster.RunTo("110s");
        var after = Enumerable.Range(0, 4).Select(i => cluster.Create(new PodBuilder($"after-{i}"))).ToList();
        cluster.RunTo("120s");
        // LeastAllocated now prefers the emptier n1.
        Assert.Contains(after, p => p.Spec.NodeName == "n1");
    }

    [Fact]
    public void A_kubelet_silent_for_less_than_the_grace_period_goes_unnoticed()
    {
        var cluster = NewCluster(new NodeBuilder("n1"));
        cluster.FailAt("10s", "n1");
        cluster.RecoverAt("59s", "n1");
        cluster.RunTo("10m");

        Assert.Equal(ConditionStatus.True, cluster.Node("n1").Ready());
        Assert.Empty(cluster.Node("n1").Spec.Taints);
        Assert.Empty(cluster.Events("NodeNotReady"));
        Assert.Empty(cluster.Events("NodeReady"));
    }

    /// <summary>
    /// The kubelet back: Ready=True and the NoSchedule taint go at once (the kubelet's status post
    /// and kube's NoSchedule pass); the NoExecute taint at the next monitor pass, which cancels
    /// the pending eviction. The pod restarts its container, counted as a restart.
    /// </summary>
    [Fact]
    public void A_node_back_is_ready_and_untainted_and_its_pods_restart()
    {
        // Two nodes: with one, the only zone would be fully disrupted, and kube taints nothing.
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        cluster.FailAt("10s", "n1");
        cluster.RecoverAt("202s", "n1");
        var node = cluster.Node("n1");

        cluster.RunTo("201s");
        Assert.Equal(ConditionStatus.Unknown, node.Ready());
        Assert.Equal(At("360s"), cluster.Sim.Controllers.TaintEviction.ScheduledDeletion(pod.Key));

        cluster.RunTo("202s");
        var ready = node.Status.Conditions.Single(c => c.Type == NodeConditionType.Ready);
        Assert.Equal((ConditionStatus.True, "KubeletReady", At("202s")), (ready.Status, ready.Reason, ready.LastTransitionTime));
        Assert.Equal([NodeLifecycleController.UnreachableNoExecute], node.Spec.Taints);
        Assert.Equal(new ClusterEvent(At("202s"), EventType.Normal, "NodeReady", "Node", "n1",
            "Node n1 status is now: NodeReady", "kubelet"), Assert.Single(cluster.Events("NodeReady")));

        cluster.RunTo("204.999999s");
        Assert.True(node.Unreachable());
        cluster.RunTo("205s");
        Assert.Empty(node.Spec.Taints);
        Assert.Null(cluster.Sim.Controllers.TaintEviction.ScheduledDeletion(pod.Key));
        var cancelled = Assert.Single(cluster.Events("TaintManagerEviction", pod.Key));
        Assert.Equal((At("205s"), "Cancelling deletion of Pod default/p"), (cancelled.Time, cancelled.Message));

        cluster.RunTo("10m");
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal(1, pod.Status.RestartCount);
        Assert.False(pod.IsTerminating);
        Assert.Equal(ConditionStatus.True, pod.Status.GetCondition(PodConditionType.Ready)!.Status);
    }

    /// <summary>
    /// kube's zone rules (ComputeZoneState, setLimiterInZone, ReducedQPSFunc on the zone's size):
    /// which of the failing nodes get the NoExecute taint, and when. All fail at 10 s, so all are
    /// Unknown at 60 s. Zone "a" holds the failing nodes first; zone "b" is healthy.
    /// </summary>
    [Theory]
    // A zone with no Ready node keeps the normal rate, 0.1 node/s: one every 10 s.
    [InlineData(5, 5, 5, "60 70 80 90 100")]
    // 50 % not Ready is below the 55 % threshold: normal.
    [InlineData(10, 5, 0, "60 70 80 90 100")]
    // 2 of 3 is 67 %, but partial disruption needs more than two not Ready.
    [InlineData(3, 2, 0, "60 70")]
    // 3 of 5 (60 %) in a zone of at most 50 nodes: partial disruption, no taints at all.
    [InlineData(5, 3, 5, "")]
    [InlineData(4, 3, 0, "")]
    // The same in a zone of more than 50 nodes: the secondary rate, 0.01 node/s.
    [InlineData(60, 34, 0, "60 160 260")]
    // Every zone fully disrupted: master disruption mode, nothing is tainted.
    [InlineData(3, 3, 0, "")]
    public void NoExecute_taints_follow_the_zone_rate_limits(int zoneSize, int failing, int otherZoneSize, string expected)
    {
        var nodes = Zone("a", zoneSize, "a").Concat(Zone("b", otherZoneSize, "b")).ToArray();
        var cluster = NewCluster(nodes);
        var failed = Enumerable.Range(0, failing).Select(i => $"a-{i}").ToArray();
        cluster.FailAt("10s", failed);

        var tainted = cluster.FirstTimes(failed, n => n.Unreachable(), "300s");
        var times = tainted.Values.Where(t => t is not null).Select(t => t!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Join(" ", times));
        Assert.All(failed, n => Assert.Equal(At("60s"), ReadySince(cluster.Node(n), ConditionStatus.Unknown)));
        // The NoSchedule taint is never rate-limited.
        Assert.All(failed, n => Assert.True(cluster.Node(n).Has(NodeLifecycleController.UnreachableNoSchedule)));
    }

    [Fact]
    public void Zone_states_follow_the_share_of_nodes_not_ready()
    {
        var cluster = NewCluster([.. Zone("a", 5, "a"), .. Zone("b", 5, "b"), .. Zone("c", 5, "c")]);
        cluster.FailAt("10s", "a-0", "a-1", "a-2", "a-3", "a-4", "b-0", "b-1", "b-2", "c-0");
        cluster.RunTo("60s");

        var lifecycle = cluster.Sim.Controllers.NodeLifecycle;
        Assert.Equal(ZoneState.FullDisruption, lifecycle.StateOf(NodeLifecycleController.ZoneKey(cluster.Node("a-0"))));
        Assert.Equal(ZoneState.PartialDisruption, lifecycle.StateOf(NodeLifecycleController.ZoneKey(cluster.Node("b-0"))));
        Assert.Equal(ZoneState.Normal, lifecycle.StateOf(NodeLifecycleController.ZoneKey(cluster.Node("c-0"))));
        Assert.Equal(":\0:a", NodeLifecycleController.ZoneKey(cluster.Node("a-0")));
    }

    /// <summary>
    /// Zone "a" goes dark first and its nodes are tainted; when zone "b" goes dark too, every
    /// zone is fully disrupted: kube blames itself, lifts the taints and cancels the evictions.
    /// </summary>
    [Fact]
    public void When_every_zone_goes_dark_the_taints_are_lifted_and_nothing_is_evicted()
    {
        var cluster = NewCluster([.. Zone("a", 2, "a"), .. Zone("b", 2, "b")]);
        var pod = cluster.Create(new PodBuilder("p").OnNode("a-0"));
        cluster.FailAt("10s", "a-0", "a-1");
        cluster.FailAt("100s", "b-0", "b-1");

        cluster.RunTo("70s");
        Assert.True(cluster.Node("a-0").Unreachable());
        Assert.True(cluster.Node("a-1").Unreachable());
        Assert.Equal(At("360s"), cluster.Sim.Controllers.TaintEviction.ScheduledDeletion(pod.Key));

        cluster.RunTo("150s");
        Assert.All(new[] { "a-0", "a-1", "b-0", "b-1" }, n =>
        {
            Assert.Equal(ConditionStatus.Unknown, cluster.Node(n).Ready());
            Assert.False(cluster.Node(n).Unreachable());
            Assert.True(cluster.Node(n).Has(NodeLifecycleController.UnreachableNoSchedule));
        });
        Assert.Equal("Cancelling deletion of Pod default/p", Assert.Single(cluster.Events("TaintManagerEviction")).Message);

        cluster.RunTo("1h");
        Assert.False(pod.IsTerminating);
        Assert.All(new[] { "a-0", "a-1", "b-0", "b-1" }, n => Assert.False(cluster.Node(n).Unreachable()));
    }

    /// <summary>
    /// Leaving master disruption mode (one node back), the zone's limiter restarts drained, as
    /// kube's SwapLimiter does from a rate of 0: the first taint waits a full 10 s.
    /// </summary>
    [Fact]
    public void Leaving_master_disruption_mode_taints_the_nodes_still_down_at_the_normal_rate()
    {
        var cluster = NewCluster(new NodeBuilder("n-0"), new NodeBuilder("n-1"), new NodeBuilder("n-2"));
        cluster.FailAt("10s", "n-0", "n-1", "n-2");
        cluster.RecoverAt("400s", "n-0");

        var tainted = cluster.FirstTimes(["n-0", "n-1", "n-2"], n => n.Unreachable(), "500s");
        Assert.Equal([null, At("410s"), At("420s")], tainted.Values);
    }

    [Fact]
    public void Registering_and_removing_a_node_are_recorded_as_kube_does()
    {
        var cluster = NewCluster(new NodeBuilder("n1"));
        cluster.RunTo("30s");
        cluster.Store.DeleteNode("n1");

        Assert.Equal(new ClusterEvent(At("0s"), EventType.Normal, "RegisteredNode", "Node", "n1",
            "Node n1 event: Registered Node n1 in Controller", "node-controller"), Assert.Single(cluster.Events("RegisteredNode")));
        Assert.Equal(new ClusterEvent(At("30s"), EventType.Normal, "RemovingNode", "Node", "n1",
            "Node n1 event: Removing Node n1 from Controller", "node-controller"), Assert.Single(cluster.Events("RemovingNode")));
    }

    /// <summary>Nodes labelled node.kubernetes.io/exclude-disruption do not count towards a zone's health.</summary>
    [Fact]
    public void Excluded_nodes_do_not_make_a_zone_unhealthy()
    {
        var excluded = Enumerable.Range(0, 3).Select(i => new NodeBuilder($"x-{i}").Zone("a").Label(NodeLifecycleController.ExcludeDisruptionLabel, ""));
        var cluster = NewCluster([.. excluded, .. Zone("a", 5, "a")]);
        cluster.FailAt("10s", "x-0", "x-1", "x-2");

        var tainted = cluster.FirstTimes(["x-0", "x-1", "x-2"], n => n.Unreachable(), "100s");
        Assert.Equal([At("60s"), At("70s"), At("80s")], tainted.Values);
    }

    [Fact]
    public void An_idle_healthy_cluster_runs_no_monitor_passes()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        cluster.RunTo("0s");
        long before = cluster.Engine.EventsProcessed;
        cluster.RunTo("1h");

        // Only the metrics sampler ticks (every 10 s); a pass over healthy nodes would change nothing.
        Assert.InRange(cluster.Engine.EventsProcessed - before, 0, 360);
        Assert.Equal(0, cluster.Sim.Controllers.NodeLifecycle.ArmedHousekeepingTimers);
    }
}
