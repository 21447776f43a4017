using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>The spread profile's default hostname and zone constraints (PodTopologySpreadArgs, defaultingType List).</summary>
public class SpreadProfileTests
{
    private static int[] PerZone(string profile, bool behindService)
    {
        // Zone a has one 64-CPU node, zones b and c one 8-CPU node each: LeastAllocated alone favours the big node.
        var cluster = new TestCluster(profile: profile).Nodes(
            new NodeBuilder("a1").Zone("a").Cpu("64").Memory("256Gi"),
            new NodeBuilder("b1").Zone("b").Cpu("8").Memory("32Gi"),
            new NodeBuilder("c1").Zone("c").Cpu("8").Memory("32Gi"));
        if (behindService)
            cluster.Store.Services.Create(new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } } });
        var pods = Enumerable.Range(0, 6).Select(i => cluster.Create(new PodBuilder("web-" + i).Label("app", "web").Cpu("1").Memory("2Gi"))).ToList();
        cluster.RunFor("1s");
        Assert.All(pods, p => Assert.True(p.IsBound));
        return new[] { "a1", "b1", "c1" }.Select(n => pods.Count(p => p.Spec.NodeName == n)).ToArray();
    }

    [Fact]
    public void Six_replicas_of_a_Service_spread_two_per_zone()
    {
        Assert.Equal([2, 2, 2], PerZone("spread", behindService: true));
    }

    [Fact]
    public void Without_a_Service_or_ReplicaSet_selecting_them_the_defaults_do_not_apply()
    {
        // As in kube-scheduler, default constraints take their selector from the pod's Services and
        // ReplicaSets; a bare pod is placed by LeastAllocated alone, which favours the big node.
        var perZone = PerZone("spread", behindService: false);
        Assert.NotEqual([2, 2, 2], perZone);
        Assert.True(perZone[0] > 2);
    }
}
