using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>DefaultPreemption (reference fact 16).</summary>
public class PreemptionTests
{
    [Fact]
    public void Fact16_preemptor_is_nominated_and_binds_after_the_victims_grace_period()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var victim = cluster.Create(new PodBuilder("low").Cpu("2").Priority(1));
        cluster.RunFor("10s");
        var preemptor = cluster.Create(new PodBuilder("high").Cpu("2").Priority(1000));
        cluster.RunFor("1s");

        Assert.Equal("a", preemptor.Status.NominatedNodeName);
        Assert.True(victim.IsTerminating);
        Assert.Single(cluster.EventsFor(victim, "Preempted"));

        cluster.RunFor("5m");
        var deleted = cluster.Sim.Metrics.Pods.Single(p => p.Name == "low").Deleted!.Value.TotalSeconds;
        var bound = cluster.EventsFor(preemptor, "Scheduled").Single().Time.TotalSeconds;
        Assert.Equal(10 + 30, deleted);
        Assert.InRange(bound, deleted, deleted + 1);
        Assert.Equal("a", preemptor.Spec.NodeName);
    }

    [Fact]
    public void Fact16_a_pod_with_preemption_policy_never_evicts_nothing()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var victim = cluster.Create(new PodBuilder("low").Cpu("2").Priority(1));
        cluster.RunFor("10s");
        var pod = cluster.Create(new PodBuilder("high").Cpu("2").Priority(1000).NeverPreempt());
        cluster.RunFor("10m");

        Assert.False(victim.IsTerminating);
        Assert.False(pod.IsBound);
        Assert.Empty(cluster.EventsFor(victim, "Preempted"));
    }

    [Fact]
    public void Only_as_many_victims_as_needed_are_evicted_lowest_priority_first()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("3"));
        var p1 = cluster.Create(new PodBuilder("p1").Cpu("1").Priority(1));
        var p5 = cluster.Create(new PodBuilder("p5").Cpu("1").Priority(5));
        var p9 = cluster.Create(new PodBuilder("p9").Cpu("1").Priority(9));
        cluster.RunFor("10s");
        cluster.Create(new PodBuilder("high").Cpu("1").Priority(100));
        cluster.RunFor("1s");

        Assert.True(p1.IsTerminating);
        Assert.False(p5.IsTerminating);
        Assert.False(p9.IsTerminating);
    }
}
