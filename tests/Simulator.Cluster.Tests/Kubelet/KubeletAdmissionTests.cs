using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// A pod whose spec.nodeName is set by its author never meets the scheduler. The kubelet admits
/// it only if it fits next to the pods already there (lifecycle/predicate.go): otherwise the pod
/// fails with reason OutOf&lt;resource&gt; and the node is never allocated beyond its allocatable.
/// </summary>
public class KubeletAdmissionTests
{
    [Fact]
    public void A_pod_placed_by_node_name_that_fits_is_admitted()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var pod = cluster.Create(new PodBuilder("web").Cpu("2").OnNode("a"));
        cluster.RunFor("5s");

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal(TestCluster.At("0s"), cluster.RecordOf(pod).Scheduled);
    }

    [Fact]
    public void A_pod_placed_by_node_name_that_does_not_fit_fails_admission_with_OutOfcpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var running = cluster.Create(new PodBuilder("running").Cpu("1500m"));
        cluster.RunTo("5s");
        var pod = cluster.Create(new PodBuilder("pinned").Cpu("1").OnNode("a"));
        cluster.RunFor("1m");

        Assert.Equal(PodPhase.Running, running.Status.Phase);
        Assert.Equal(PodPhase.Failed, pod.Status.Phase);
        Assert.Equal("OutOfcpu", pod.Status.Reason);
        Assert.Null(cluster.RecordOf(pod).Started);
    }
}
