using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// Preemption evicts no more pods than the preemptor needs. kube-scheduler's
/// PodEligibleToPreemptOthers: a pod nominated to a node where a lower-priority pod is still
/// terminating may not preempt again ("not eligible due to a terminating pod on the nominated
/// node"); it waits for the victim to go.
/// </summary>
public class PreemptionInvariantTests
{
    [Fact]
    public void A_preemptor_retried_while_its_victim_terminates_does_not_evict_another_pod()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"), new NodeBuilder("b").Cpu("1"));
        var low1 = cluster.Create(new PodBuilder("low1").Cpu("1").Priority(1).NodeSelector("kubernetes.io/hostname", "a"));
        var low2 = cluster.Create(new PodBuilder("low2").Cpu("1").Priority(1).NodeSelector("kubernetes.io/hostname", "a"));
        // Finishes at 16 s on the other node, which retries the preemptor while low2 is terminating.
        cluster.Create(new PodBuilder("job").Cpu("1").Runs("15s").NodeSelector("kubernetes.io/hostname", "b"));
        cluster.RunTo("5s");
        var high = cluster.Create(new PodBuilder("high").Cpu("1").Priority(100).NodeSelector("kubernetes.io/hostname", "a"));
        cluster.RunTo("2m");

        // One of the two equal victims is chosen at 5 s and is gone at 35 s, when high binds.
        var victims = new[] { low1, low2 }.Where(p => cluster.EventsFor(p, "Preempted").Any()).ToList();
        Assert.Single(victims);
        Assert.Equal(TestCluster.At("35s"), cluster.RecordOf(high).Scheduled);
        Assert.Equal("a", high.Spec.NodeName);
        Assert.False(new[] { low1, low2 }.Single(p => p != victims[0]).IsTerminating);
    }
}
