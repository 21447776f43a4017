using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Controllers.NodeLifecycleTestKit;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The pod garbage collector's orphan rule: pods bound to a deleted node are marked Failed and
/// removed once the collector has seen the node missing (every 20 s) and a 40 s quarantine has
/// passed with the node still gone.
/// </summary>
public class PodGcTests
{
    [Theory]
    [InlineData("30s", "80s")]
    [InlineData("40s", "100s")]
    [InlineData("59.5s", "100s")]
    public void Pods_of_a_deleted_node_are_removed_after_the_check_period_and_the_quarantine(string removedAt, string collectedAt)
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        var other = cluster.Create(new PodBuilder("other").OnNode("n2"));
        cluster.Sim.Faults.Schedule(new RemoveNode(At(removedAt), "n1"));

        cluster.Engine.RunUntil(At(collectedAt) - Simulator.Engine.SimDuration.FromMicroseconds(1));
        Assert.Null(cluster.Store.GetNode("n1"));
        Assert.Same(pod, cluster.Store.GetPod(pod.Key));
        Assert.Equal(PodPhase.Running, pod.Status.Phase);

        cluster.RunTo(collectedAt);
        Assert.Null(cluster.Store.GetPod(pod.Key));
        Assert.Equal(PodPhase.Failed, pod.Status.Phase);
        Assert.Equal(At(collectedAt), pod.Metadata.DeletionTimestamp);
        Assert.Same(other, cluster.Store.GetPod(other.Key));
    }

    [Fact]
    public void A_finished_pod_of_a_deleted_node_keeps_its_phase()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("job").OnNode("n1").Runs("5s"));
        cluster.Sim.Faults.Schedule(new RemoveNode(At("30s"), "n1"));
        cluster.RunTo("80s");

        Assert.Null(cluster.Store.GetPod(pod.Key));
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
    }

    [Fact]
    public void A_node_registered_again_under_the_same_name_keeps_its_pods()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        cluster.RunTo("30s");
        cluster.Store.DeleteNode("n1");
        cluster.RunTo("50s");
        cluster.Store.AddNode(new NodeBuilder("n1").Build());

        cluster.RunTo("5m");
        Assert.Same(pod, cluster.Store.GetPod(pod.Key));
    }
}
