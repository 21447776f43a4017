using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>The exact FailedScheduling text (reference fidelity facts 1, 3 and 4).</summary>
public class FailedSchedulingMessageTests
{
    private static string LastMessage(TestCluster cluster, Pod pod) =>
        cluster.EventsFor(pod, "FailedScheduling").Last().Message;

    [Fact]
    public void Fact3_three_gpu_short_nodes_and_two_selector_misses()
    {
        var cluster = new TestCluster().Nodes(
            new NodeBuilder("gpu-1").Gpus(1).Label("accel", "a100"),
            new NodeBuilder("gpu-2").Gpus(1).Label("accel", "a100"),
            new NodeBuilder("gpu-3").Gpus(1).Label("accel", "a100"),
            new NodeBuilder("cpu-1"),
            new NodeBuilder("cpu-2"));
        var pod = cluster.Create(new PodBuilder("train").Gpus(2).NodeSelector("accel", "a100"));
        cluster.RunFor("1s");

        Assert.Equal(
            "0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient nvidia.com/gpu. " +
            "preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
            LastMessage(cluster, pod));
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        var condition = pod.Status.GetCondition(PodConditionType.PodScheduled)!;
        Assert.Equal(ConditionStatus.False, condition.Status);
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal(LastMessage(cluster, pod), condition.Message);
    }

    [Fact]
    public void Fact1_two_gpu_pod_never_binds_to_a_node_with_one_free_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(2));
        cluster.Create(new PodBuilder("holder").Gpus(1));
        var pod = cluster.Create(new PodBuilder("train").Gpus(2));
        cluster.RunFor("1h");

        Assert.False(pod.IsBound);
        Assert.All(cluster.EventsFor(pod, "FailedScheduling"),
            e => Assert.StartsWith("0/1 nodes are available: 1 Insufficient nvidia.com/gpu.", e.Message));
    }

    [Fact]
    public void Fact4_a_tainted_node_short_of_gpus_reports_only_the_taint()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(1).Taint("dedicated", "infra", TaintEffect.NoSchedule));
        var pod = cluster.Create(new PodBuilder("train").Gpus(4));
        cluster.RunFor("1s");

        Assert.StartsWith("0/1 nodes are available: 1 node(s) had untolerated taint(s).", LastMessage(cluster, pod));
    }

    [Fact]
    public void Reasons_sort_as_strings_so_10_comes_before_2()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => new NodeBuilder($"small-{i}").Cpu("1"))
            .Concat(Enumerable.Range(0, 2).Select(i => new NodeBuilder($"cordoned-{i}").Cpu("64").Unschedulable()))
            .ToArray();
        var cluster = new TestCluster().Nodes(nodes);
        var pod = cluster.Create(new PodBuilder("big").Cpu("8"));
        cluster.RunFor("1s");

        Assert.StartsWith("0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable.", LastMessage(cluster, pod));
    }

    [Fact]
    public void Each_short_resource_counts_so_counts_can_exceed_the_node_count()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1").Memory("1Gi"), new NodeBuilder("b").Cpu("1").Memory("1Gi"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2").Memory("2Gi"));
        cluster.RunFor("1s");

        Assert.StartsWith("0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.", LastMessage(cluster, pod));
    }

    [Fact]
    public void Too_many_pods_when_the_node_is_at_max_pods()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").MaxPods(1));
        cluster.Create(new PodBuilder("first").Cpu("100m"));
        var second = cluster.Create(new PodBuilder("second").Cpu("100m"));
        cluster.RunFor("1s");

        Assert.StartsWith("0/1 nodes are available: 1 Too many pods.", LastMessage(cluster, second));
    }

    [Fact]
    public void Preemption_policy_never_says_so()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2").NeverPreempt());
        cluster.RunFor("1s");

        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. not eligible due to preemptionPolicy=Never.", LastMessage(cluster, pod));
    }

    [Fact]
    public void Lower_priority_pods_that_would_not_free_enough_report_the_filter_reason()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        cluster.Create(new PodBuilder("low").Cpu("1").Priority(1));
        cluster.RunFor("1s");
        var pod = cluster.Create(new PodBuilder("high").Cpu("4").Priority(100));
        cluster.RunFor("1s");

        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.",
            LastMessage(cluster, pod));
    }

    /// <summary>
    /// Preemption's dry run: a node of only equal-priority pods has no victims (answered without
    /// reading its pods), a node whose lower-priority pod would not make room reports the filter's
    /// reason, a tainted node is not helpful; each counted once, sorted as strings.
    /// </summary>
    [Fact]
    public void Preemption_reasons_for_equal_priority_lower_priority_and_unresolvable_nodes()
    {
        var cluster = new TestCluster().Nodes(
            new NodeBuilder("a").Cpu("1"),
            new NodeBuilder("b").Cpu("1"),
            new NodeBuilder("c").Cpu("4").Taint("dedicated", "infra", TaintEffect.NoSchedule));
        cluster.Create(new PodBuilder("equal").Cpu("1").Priority(100).NodeSelector("kubernetes.io/hostname", "a"));
        cluster.Create(new PodBuilder("low").Cpu("500m").Priority(0).NodeSelector("kubernetes.io/hostname", "b"));
        cluster.RunFor("10s");
        var pod = cluster.Create(new PodBuilder("big").Cpu("2").Priority(100));
        cluster.RunFor("1s");

        Assert.Equal(
            "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. " +
            "preemption: 0/3 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod, " +
            "1 Preemption is not helpful for scheduling.",
            LastMessage(cluster, pod));
    }
}
