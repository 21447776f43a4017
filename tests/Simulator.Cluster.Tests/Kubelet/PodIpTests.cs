using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// Node IPAM gives each node a /24 out of 10.244.0.0/16 in the order nodes register; each pod
/// gets the next free address of its node's range (host-local IPAM, .2 upwards, round-robin),
/// so a re-created pod has a new IP even on the same node.
/// </summary>
public class PodIpTests
{
    [Fact]
    public void Nodes_get_consecutive_pod_cidrs_in_registration_order()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"), new NodeBuilder("b"), new NodeBuilder("c"));

        Assert.Equal(["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"],
            cluster.Store.Nodes.Select(n => n.Spec.PodCidr));
    }

    [Fact]
    public void Each_pod_gets_an_address_in_its_nodes_cidr()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
        var a1 = cluster.Create(new PodBuilder("a1").OnNode("a"));
        var a2 = cluster.Create(new PodBuilder("a2").OnNode("a"));
        var b1 = cluster.Create(new PodBuilder("b1").OnNode("b"));
        cluster.RunFor("5s");

        Assert.Equal("10.244.0.2", a1.Status.PodIP);
        Assert.Equal("10.244.0.3", a2.Status.PodIP);
        Assert.Equal("10.244.1.2", b1.Status.PodIP);
        Assert.Equal("10.244.0.2", cluster.RecordOf(a1).PodIP);
    }

    [Fact]
    public void A_pod_has_its_ip_from_the_moment_its_kubelet_admits_it()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("web").Image("registry.example/web:1", 1L << 30));
        cluster.RunTo("1s");

        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        Assert.Equal("10.244.0.2", pod.Status.PodIP);
    }

    [Fact]
    public void A_recreated_pod_with_a_new_name_gets_a_different_ip_on_the_same_node()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var first = cluster.Create(new PodBuilder("web-1").OnNode("a").GracePeriod("0s"));
        cluster.RunTo("5s");
        cluster.Delete(first);
        cluster.RunTo("6s");
        Assert.Null(cluster.Store.GetPod(first.Key));

        var second = cluster.Create(new PodBuilder("web-2").OnNode("a"));
        cluster.RunTo("10s");

        Assert.Equal("10.244.0.2", cluster.RecordOf(first).PodIP);
        Assert.Equal("10.244.0.3", second.Status.PodIP);
    }
}
