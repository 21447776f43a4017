using Simulator.Cluster.Scheduling.Queue;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>When unschedulable pods are retried (reference fact 5).</summary>
public class QueueTimingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(9, 10)]
    public void Backoff_doubles_from_1s_to_at_most_10s(int attempts, long seconds)
    {
        var queue = new SchedulingQueue(new PrioritySort(), new QueueSettings());
        Assert.Equal(SimDuration.FromSeconds(seconds), queue.BackoffDuration(attempts));
    }

    [Fact]
    public void Fact5_without_cluster_changes_a_pod_is_retried_only_every_five_minutes()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2"));
        cluster.RunFor("16m");

        var attempts = cluster.EventsFor(pod, "FailedScheduling").Select(e => e.Time.TotalSeconds).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Equal(0, attempts[0]);
        for (int i = 1; i < attempts.Count; i++)
            Assert.InRange(attempts[i] - attempts[i - 1], 300, 330);
    }

    [Fact]
    public void Fact5_an_unrelated_event_does_not_wake_a_pod_rejected_for_taints()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("8").Taint("gpu", "yes", Simulator.Cluster.Api.TaintEffect.NoSchedule));
        var pod = cluster.Create(new PodBuilder("p").Cpu("1"));
        cluster.RunFor("10s");
        var other = cluster.Create(new PodBuilder("other").Cpu("1").Tolerate("gpu").Runs("20s"));
        cluster.RunFor("2m");

        Assert.True(other.IsTerminal);
        Assert.Single(cluster.EventsFor(pod, "FailedScheduling"));
    }

    [Fact]
    public void Fact5_after_a_relevant_event_the_pod_waits_at_most_its_backoff()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var blocker = cluster.Create(new PodBuilder("blocker").Cpu("1").Runs("95s"));
        var pod = cluster.Create(new PodBuilder("waiting").Cpu("1"));
        cluster.RunFor("10m");

        // blocker's container starts at 1 s and finishes at 96 s, freeing the node.
        Assert.Equal(96, cluster.EventsFor(blocker, "Completed").Single().Time.TotalSeconds);
        var scheduled = cluster.EventsFor(pod, "Scheduled").Single().Time.TotalSeconds;
        Assert.InRange(scheduled, 96, 96 + 1);
    }

    [Fact]
    public void Higher_priority_pods_are_scheduled_first()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var low = cluster.Create(new PodBuilder("low").Cpu("1").Priority(1));
        var high = cluster.Create(new PodBuilder("high").Cpu("1").Priority(10));
        cluster.RunFor("1s");

        Assert.True(high.IsBound);
        Assert.False(low.IsBound);
    }
}
