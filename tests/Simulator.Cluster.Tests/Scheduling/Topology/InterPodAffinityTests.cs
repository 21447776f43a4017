using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Topology.TopologyFixture;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>InterPodAffinity's filter (required terms, symmetry, the first pod of a group) and its scoring.</summary>
public class InterPodAffinityTests
{
    private static Dictionary<string, Status> FilterAll(TopologyFixture f, PodBuilder pod, out Status preFilter)
    {
        var plugin = new InterPodAffinity(f.Nodes, f.Tally);
        var info = f.Info(pod);
        preFilter = plugin.PreFilter(info);
        return f.Nodes.ToDictionary(n => n.Name, n => plugin.Filter(info, n));
    }

    private static string[] Passing(Dictionary<string, Status> s) => [.. s.Where(kv => kv.Value.IsSuccess).Select(kv => kv.Key).Order()];

    [Fact]
    public void Required_affinity_by_zone_admits_only_the_zone_holding_a_match()
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("a2", "a");
        f.Node("b1", "b");

        var s = FilterAll(f, new PodBuilder("cache").RequireAffinity(Zone, "web"), out _);

        Assert.Equal(["a1", "a2"], Passing(s));
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s["b1"].Code);
        Assert.Equal(["node(s) didn't match pod affinity rules"], s["b1"].Reasons);
    }

    [Fact]
    public void Required_affinity_by_hostname_admits_only_the_node_holding_a_match()
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("a2", "a");

        Assert.Equal(["a1"], Passing(FilterAll(f, new PodBuilder("sidecar").RequireAffinity(Hostname, "web"), out _)));
    }

    [Fact]
    public void Required_anti_affinity_by_hostname_and_by_zone()
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("a2", "a");
        f.Node("b1", "b");

        var byHost = FilterAll(f, new PodBuilder("web-2").Label("app", "web").RequireAntiAffinity(Hostname, "web"), out _);
        Assert.Equal(["a2", "b1"], Passing(byHost));
        Assert.Equal(StatusCode.Unschedulable, byHost["a1"].Code);
        Assert.Equal(["node(s) didn't match pod anti-affinity rules"], byHost["a1"].Reasons);

        Assert.Equal(["b1"], Passing(FilterAll(f, new PodBuilder("web-2").Label("app", "web").RequireAntiAffinity(Zone, "web"), out _)));
    }

    [Fact]
    public void An_existing_pods_required_anti_affinity_keeps_matching_pods_out_of_its_domain()
    {
        // Symmetry: the incoming pod has no affinity at all, but the pod on a1 refuses app=batch in its zone.
        var f = new TopologyFixture();
        var a1 = f.Node("a1", "a");
        f.Node("a2", "a");
        f.Node("b1", "b");
        f.Place(a1, new PodBuilder("db").Label("app", "db").RequireAntiAffinity(Zone, "batch"));

        var s = FilterAll(f, new PodBuilder("job").Label("app", "batch"), out var pre);

        Assert.Equal(StatusCode.Success, pre.Code);
        Assert.Equal(["b1"], Passing(s));
        Assert.Equal(["node(s) didn't satisfy existing pods anti-affinity rules"], s["a2"].Reasons);
        // A pod the term does not select goes anywhere.
        Assert.Equal(["a1", "a2", "b1"], Passing(FilterAll(f, new PodBuilder("web").Label("app", "web"), out _)));
    }

    [Fact]
    public void The_first_pod_of_a_self_affine_group_may_go_anywhere_that_has_the_key()
    {
        // No app=web pod exists yet, and the pod matches its own term: every node with a zone passes.
        var f = new TopologyFixture();
        f.Node("a1", "a");
        f.Node("b1", "b");
        f.Node("bare", null);

        Assert.Equal(["a1", "b1"], Passing(FilterAll(f, new PodBuilder("web-0").Label("app", "web").RequireAffinity(Zone, "web"), out _)));
        // A pod that does not match its own term gets no exception.
        Assert.Empty(Passing(FilterAll(f, new PodBuilder("cache").RequireAffinity(Zone, "web"), out _)));
    }

    [Fact]
    public void A_plain_pod_is_skipped_while_no_pod_has_required_anti_affinity()
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 3);
        var plugin = new InterPodAffinity(f.Nodes, f.Tally);
        var pod = f.Info(new PodBuilder("plain"));
        Assert.Equal(StatusCode.Skip, plugin.PreFilter(pod).Code);
        Assert.Equal(StatusCode.Skip, plugin.PreScore(pod, f.Nodes).Code);
    }

    [Fact]
    public void Preferred_terms_add_and_subtract_their_weight_per_matching_pod_then_min_max_normalize()
    {
        // Incoming: prefers app=web in its zone (weight 10), avoids app=batch on its node (weight 5).
        // a1: 2 web (zone a) -> +20, 1 batch on a1 -> -5: 15. a2: zone a +20. b1: 1 web +10, 2 batch -10: 0. c1: 0.
        // Min-max: min 0, max 20: a1 100·15/20 = 75, a2 100, b1 0, c1 0.
        var f = new TopologyFixture();
        var a1 = f.Node("a1", "a", 2);
        f.Node("a2", "a");
        var b1 = f.Node("b1", "b", 1);
        f.Node("c1", "c");
        f.Place(a1, new PodBuilder("batch-0").Label("app", "batch"));
        f.Place(b1, new PodBuilder("batch-1").Label("app", "batch"));
        f.Place(b1, new PodBuilder("batch-2").Label("app", "batch"));
        var plugin = new InterPodAffinity(f.Nodes, f.Tally);
        var pod = f.Info(new PodBuilder("api").PreferAffinity(10, Zone, "web").PreferAntiAffinity(5, Hostname, "batch"));

        Assert.Equal(StatusCode.Success, plugin.PreScore(pod, f.Nodes).Code);
        var raw = f.Nodes.Select(n => plugin.Score(pod, n)).ToArray();
        Assert.Equal([15L, 20, 0, 0], raw);
        plugin.NormalizeScore(pod, raw);
        Assert.Equal([75L, 100, 0, 0], raw);
    }

    [Fact]
    public void Existing_pods_terms_score_the_incoming_pod_too()
    {
        // The pod on a1 requires app=web in its zone (hardPodAffinityWeight +1) and prefers it on its
        // node (weight 7, hostname a1). The pod on b1 avoids app=web in its zone (weight 3).
        // Raw: a1 1+7 = 8, a2 1, b1 -3. Min-max over [-3, 8]: a1 100, a2 ⌊100·4/11⌋ = 36, b1 0.
        var f = new TopologyFixture();
        var a1 = f.Node("a1", "a");
        f.Node("a2", "a");
        var b1 = f.Node("b1", "b");
        f.Place(a1, new PodBuilder("cache").RequireAffinity(Zone, "web").PreferAffinity(7, Hostname, "web"));
        f.Place(b1, new PodBuilder("noisy").PreferAntiAffinity(3, Zone, "web"));
        var plugin = new InterPodAffinity(f.Nodes, f.Tally);
        var pod = f.Info(new PodBuilder("web").Label("app", "web"));

        Assert.Equal(StatusCode.Success, plugin.PreScore(pod, f.Nodes).Code);
        var raw = f.Nodes.Select(n => plugin.Score(pod, n)).ToArray();
        Assert.Equal([8L, 1, -3], raw);
        plugin.NormalizeScore(pod, raw);
        Assert.Equal([100L, 36, 0], raw);
    }

    [Fact]
    public void Anti_affinity_replicas_spread_one_per_node_and_the_rest_stay_pending_with_the_reason()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("n1").Zone("a"), new NodeBuilder("n2").Zone("b"));
        var pods = Enumerable.Range(0, 3)
            .Select(i => cluster.Create(new PodBuilder("web-" + i).Label("app", "web").Cpu("100m").RequireAntiAffinity(Hostname, "web"))).ToList();
        cluster.RunFor("1s");

        Assert.Equal(["n1", "n2"], pods.Where(p => p.IsBound).Select(p => p.Spec.NodeName).Order());
        var pending = pods.Single(p => !p.IsBound);
        Assert.StartsWith("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.",
            cluster.EventsFor(pending, "FailedScheduling").Last().Message);
    }

    [Fact]
    public void A_pod_waiting_for_its_affinity_target_binds_once_the_target_is_placed()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("n1").Zone("a"), new NodeBuilder("n2").Zone("b"));
        var sidecar = cluster.Create(new PodBuilder("sidecar").Cpu("100m").RequireAffinity(Hostname, "web"));
        cluster.RunFor("1s");
        Assert.False(sidecar.IsBound);

        var web = cluster.Create(new PodBuilder("web").Label("app", "web").Cpu("100m"));
        cluster.RunFor("1s");

        Assert.True(sidecar.IsBound);
        Assert.Equal(web.Spec.NodeName, sidecar.Spec.NodeName);
    }
}
