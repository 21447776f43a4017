using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Topology.TopologyFixture;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>
/// PodTopologySpread's score: raw = Σ round(cnt·ln(domains + 2) + (maxSkew − 1)) over the soft
/// constraints, normalized to 100·(max + min − raw)/max; and the system default constraints.
/// </summary>
public class PodTopologySpreadScoreTests
{
    private static (long[] Raw, long[] Normalized, Status PreScore) Score(PodTopologySpread plugin, TopologyFixture f, PodBuilder pod, params string[] feasible)
    {
        var info = f.Info(pod);
        var nodes = feasible.Select(n => f[n]).ToList();
        var pre = plugin.PreScore(info, nodes);
        if (pre.Code == StatusCode.Skip) return ([], [], pre);
        var raw = nodes.Select(n => plugin.Score(info, n)).ToArray();
        var normalized = (long[])raw.Clone();
        plugin.NormalizeScore(info, normalized);
        return (raw, normalized, pre);
    }

    private static PodBuilder Web() => new PodBuilder("incoming").Label("app", "web");

    [Fact]
    public void Soft_zone_constraint_with_the_real_formula()
    {
        // Counts over all nodes: a = 2 (one on a2, which is not feasible), b = 1, c = 0. Three
        // domains among the feasible nodes: weight ln(5) = 1.6094. Raw: a1 round(3.219) = 3,
        // b1 round(1.609) = 2, c1 0. Normalized, max 3 min 0: 100·(3-3)/3 = 0, 100·(3-2)/3 = 33, 100.
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("a2", "a", 1);
        f.Node("b1", "b", 1);
        f.Node("c1", "c");
        var plugin = new PodTopologySpread(null, null, f.Nodes);

        var (raw, normalized, _) = Score(plugin, f, Web().Spread(1, Zone, "web", UnsatisfiableConstraintAction.ScheduleAnyway), "a1", "b1", "c1");

        Assert.Equal([3L, 2, 0], raw);
        Assert.Equal([0L, 33, 100], normalized);
    }

    [Fact]
    public void Soft_hostname_constraint_counts_per_node_and_adds_maxSkew_minus_1()
    {
        // 3 feasible nodes: weight ln(5). maxSkew 2 adds 1. n1: 1.609+1 = 2.609 -> 3; n2: 3·1.609+1 = 5.828 -> 6;
        // n3: 1. Normalized, max 6 min 1: 100·(7-3)/6 = 66, 100·(7-6)/6 = 16, 100·(7-1)/6 = 100.
        var f = new TopologyFixture();
        f.Node("n1", "a", 1);
        f.Node("n2", "a", 3);
        f.Node("n3", "b");
        var plugin = new PodTopologySpread(null, null, f.Nodes);

        var (raw, normalized, _) = Score(plugin, f, Web().Spread(2, Hostname, "web", UnsatisfiableConstraintAction.ScheduleAnyway), "n1", "n2", "n3");

        Assert.Equal([3L, 6, 1], raw);
        Assert.Equal([66L, 16, 100], normalized);
    }

    [Fact]
    public void A_node_missing_a_key_of_the_pods_own_constraints_scores_0_and_is_left_out_of_min_and_max()
    {
        // "bare" is ignored: 0 after normalizing. Among a1 (1 web pod) and b1 (0), 2 zone domains: ln 4 = 1.386 -> 1 and 0;
        // max 1 min 0: a1 100·(1+0-1)/1 = 0, b1 100.
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("b1", "b");
        f.Node("bare", null);
        var plugin = new PodTopologySpread(null, null, f.Nodes);

        var (raw, normalized, _) = Score(plugin, f, Web().Spread(1, Zone, "web", UnsatisfiableConstraintAction.ScheduleAnyway), "a1", "b1", "bare");

        Assert.Equal([1L, 0, 0], raw);
        Assert.Equal([0L, 100, 0], normalized);
    }

    [Fact]
    public void System_defaults_apply_to_a_pod_a_Service_selects_with_hostname_3_and_zone_5()
    {
        // Hostname weight ln(3+2) = 1.6094 (+2 for maxSkew 3), zone weight ln(2+2) = 1.3863 (+4 for maxSkew 5).
        // n1 (zone a, 1 web pod): 1.6094+2 + 1.3863+4 = 8.996 -> 9; n2 (zone a): 2 + 5.386 = 7.386 -> 7;
        // n3 (zone b): 2 + 4 = 6. Normalized, max 9 min 6: 100·6/9 = 66, 100·8/9 = 88, 100.
        var cluster = new TestCluster();
        cluster.Store.Services.Create(new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } } });
        var f = new TopologyFixture();
        f.Node("n1", "a", 1);
        f.Node("n2", "a");
        f.Node("n3", "b");
        var plugin = new PodTopologySpread(null, cluster.Store, f.Nodes);

        var (raw, normalized, pre) = Score(plugin, f, Web(), "n1", "n2", "n3");

        Assert.Equal(StatusCode.Success, pre.Code);
        Assert.Equal([9L, 7, 6], raw);
        Assert.Equal([66L, 88, 100], normalized);
    }

    [Fact]
    public void System_defaults_skip_pods_no_Service_or_ReplicaSet_selects_and_bare_tests_without_a_store()
    {
        var cluster = new TestCluster();
        cluster.Store.Services.Create(new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } } });
        var f = new TopologyFixture();
        f.Node("n1", "a", 1);
        f.Node("n2", "b");

        Assert.Equal(StatusCode.Skip, Score(new PodTopologySpread(null, cluster.Store, f.Nodes), f, new PodBuilder("batch").Label("app", "batch"), "n1", "n2").PreScore.Code);
        Assert.Equal(StatusCode.Skip, Score(new PodTopologySpread(null, cluster.Store, f.Nodes), f, Web().Namespace("other"), "n1", "n2").PreScore.Code);
        Assert.Equal(StatusCode.Skip, Score(new PodTopologySpread(null, null, f.Nodes), f, Web(), "n1", "n2").PreScore.Code);
    }

    [Fact]
    public void System_defaults_apply_to_a_pod_a_ReplicaSet_selects()
    {
        var cluster = new TestCluster();
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        cluster.Store.ReplicaSets.Create(new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = "web-1" },
            Spec = new ReplicaSetSpec { Replicas = 0, Selector = selector, Template = new PodTemplate { Spec = new PodSpec() } },
        });
        var f = new TopologyFixture();
        f.Node("n1", "a", 1);
        f.Node("n2", "b");

        var (_, normalized, pre) = Score(new PodTopologySpread(null, cluster.Store, f.Nodes), f, Web(), "n1", "n2");

        Assert.Equal(StatusCode.Success, pre.Code);
        Assert.Equal(100, normalized[1]);
        Assert.True(normalized[0] < 100);
    }

    [Fact]
    public void Deployment_replicas_behind_a_Service_spread_over_zones_in_the_default_profile()
    {
        // Four equal nodes in two zones, 4 replicas of one Service: the system default zone
        // constraint puts two in each zone and the hostname one puts one per node.
        var cluster = new TestCluster().Nodes(
            new NodeBuilder("a1").Zone("a"), new NodeBuilder("a2").Zone("a"), new NodeBuilder("b1").Zone("b"), new NodeBuilder("b2").Zone("b"));
        cluster.Store.Services.Create(new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } } });
        var pods = Enumerable.Range(0, 4).Select(i => cluster.Create(new PodBuilder("web-" + i).Label("app", "web").Cpu("100m"))).ToList();
        cluster.RunFor("1s");

        Assert.Equal(["a1", "a2", "b1", "b2"], pods.Select(p => p.Spec.NodeName).Order());
    }
}
