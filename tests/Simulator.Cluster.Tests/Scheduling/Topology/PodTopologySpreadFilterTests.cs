using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Topology.TopologyFixture;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>
/// PodTopologySpread's filter: skew = matching pods in the node's domain + 1 (the pod matches its
/// own selector) − the global minimum over eligible domains, rejected above maxSkew.
/// </summary>
public class PodTopologySpreadFilterTests
{
    private static Dictionary<string, Status> FilterAll(TopologyFixture f, PodBuilder pod, out Status preFilter)
    {
        var plugin = new PodTopologySpread(null, null, f.Nodes);
        var info = f.Info(pod);
        preFilter = plugin.PreFilter(info);
        return f.Nodes.ToDictionary(n => n.Name, n => plugin.Filter(info, n));
    }

    private static PodBuilder Web(string name = "incoming") => new PodBuilder(name).Label("app", "web");

    [Fact]
    public void Zone_maxSkew_1_rejects_the_zone_already_one_above_the_minimum()
    {
        // Zone a holds 2 web pods (on a1), b and c one each: min 1. a: 2+1-1 = 2 > 1; b, c: 1+1-1 = 1.
        var f = new TopologyFixture();
        f.Node("a1", "a", 2);
        f.Node("a2", "a");
        f.Node("b1", "b", 1);
        f.Node("c1", "c", 1);

        var s = FilterAll(f, Web().Spread(1, Zone, "web"), out var pre);

        Assert.Equal(StatusCode.Success, pre.Code);
        Assert.Equal(StatusCode.Unschedulable, s["a1"].Code);
        Assert.Equal(["node(s) didn't match pod topology spread constraints"], s["a1"].Reasons);
        Assert.Equal(StatusCode.Unschedulable, s["a2"].Code); // same domain: the count is per zone, not per node
        Assert.True(s["b1"].IsSuccess);
        Assert.True(s["c1"].IsSuccess);
    }

    [Fact]
    public void Zone_maxSkew_2_admits_the_zone_two_above_only_if_the_pod_does_not_match_itself()
    {
        // a = 2, b = 0: min 0. A matching pod makes a 3 > 2; a pod outside the selector keeps a at 2.
        var f = new TopologyFixture();
        f.Node("a1", "a", 2);
        f.Node("b1", "b");

        Assert.False(FilterAll(f, Web().Spread(2, Zone, "web"), out _)["a1"].IsSuccess);
        Assert.True(FilterAll(f, new PodBuilder("other").Spread(2, Zone, "web"), out _)["a1"].IsSuccess);
    }

    [Fact]
    public void Hostname_maxSkew_1_sends_the_pod_to_the_empty_node()
    {
        // n1 = 1, n2 = 0, n3 = 1: min 0; n1 and n3 would reach 2.
        var f = new TopologyFixture();
        f.Node("n1", "a", 1);
        f.Node("n2", "a");
        f.Node("n3", "b", 1);

        var s = FilterAll(f, Web().Spread(1, Hostname, "web"), out _);

        Assert.Equal(["n2"], s.Where(kv => kv.Value.IsSuccess).Select(kv => kv.Key));
    }

    [Fact]
    public void Fewer_domains_than_minDomains_make_the_global_minimum_zero()
    {
        // a = 1, b = 1. minDomains 1: min 1, skew 1 everywhere. minDomains 3 with 2 domains: min 0, skew 2 > 1.
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("b1", "b", 1);

        Assert.All(FilterAll(f, Web().Spread(1, Zone, "web", minDomains: 1), out _).Values, s => Assert.True(s.IsSuccess));
        Assert.All(FilterAll(f, Web().Spread(1, Zone, "web", minDomains: 3), out _).Values, s => Assert.Equal(StatusCode.Unschedulable, s.Code));
        Assert.All(FilterAll(f, Web().Spread(1, Zone, "web", minDomains: 2), out _).Values, s => Assert.True(s.IsSuccess));
    }

    [Fact]
    public void A_node_without_the_topology_key_is_unresolvable_and_is_not_a_domain()
    {
        // "bare" has 5 web pods but no zone: it neither fails the pod's spread by its count nor lowers the minimum to 0.
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("b1", "b", 1);
        f.Node("bare", null, 5);

        var s = FilterAll(f, Web().Spread(1, Zone, "web"), out _);

        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s["bare"].Code);
        Assert.Equal(["node(s) didn't match pod topology spread constraints (missing required label)"], s["bare"].Reasons);
        Assert.True(s["a1"].IsSuccess);
        Assert.True(s["b1"].IsSuccess);
    }

    [Theory]
    [InlineData(NodeInclusionPolicy.Honor, true)]
    [InlineData(NodeInclusionPolicy.Ignore, false)]
    public void NodeAffinityPolicy_decides_whether_a_zone_the_pod_cannot_use_counts(NodeInclusionPolicy policy, bool admitted)
    {
        // a = 1, b = 1, c = 0 but c's node is outside the pod's nodeSelector. Honor: min over {a, b} = 1,
        // skew at a1 = 1+1-1 = 1. Ignore: c counts, min 0, skew 2 > 1.
        var f = new TopologyFixture();
        f.Node("a1", "a", 1, n => n.Label("pool", "main"));
        f.Node("b1", "b", 1, n => n.Label("pool", "main"));
        f.Node("c1", "c", 0, n => n.Label("pool", "spare"));
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        var pod = Web().NodeSelector("pool", "main")
            .Spread(new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, selector, NodeAffinityPolicy: policy));

        Assert.Equal(admitted, FilterAll(f, pod, out _)["a1"].IsSuccess);
    }

    [Theory]
    [InlineData(NodeInclusionPolicy.Honor, true)]
    [InlineData(NodeInclusionPolicy.Ignore, false)]
    public void NodeTaintsPolicy_decides_whether_a_tainted_zone_counts(NodeInclusionPolicy policy, bool admitted)
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 1);
        f.Node("b1", "b", 1);
        f.Node("c1", "c", 0, n => n.Taint("dedicated", "x", TaintEffect.NoSchedule));
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        var pod = Web().Spread(new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, selector, NodeTaintsPolicy: policy));

        Assert.Equal(admitted, FilterAll(f, pod, out _)["a1"].IsSuccess);
    }

    [Fact]
    public void MatchLabelKeys_narrow_the_count_to_pods_with_the_same_values()
    {
        // Two web pods of revision 1 in zone a; the incoming pod is revision 2, so with
        // matchLabelKeys [rev] zone a counts 0 for it and it may go there.
        var f = new TopologyFixture();
        var a1 = f.Node("a1", "a");
        f.Node("b1", "b");
        f.Place(a1, new PodBuilder("old-1").Label("app", "web").Label("rev", "1"));
        f.Place(a1, new PodBuilder("old-2").Label("app", "web").Label("rev", "1"));
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        var plain = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, selector);

        Assert.False(FilterAll(f, Web().Label("rev", "2").Spread(plain), out _)["a1"].IsSuccess);
        Assert.True(FilterAll(f, Web().Label("rev", "2").Spread(plain with { MatchLabelKeys = ["rev"] }), out _)["a1"].IsSuccess);
    }

    [Fact]
    public void Pods_in_other_namespaces_and_terminating_pods_do_not_count()
    {
        var f = new TopologyFixture();
        var a1 = f.Node("a1", "a");
        f.Node("b1", "b");
        f.Place(a1, new PodBuilder("elsewhere").Label("app", "web").Namespace("other"));
        var leaving = f.Place(a1, new PodBuilder("leaving").Label("app", "web"));
        leaving.Metadata.DeletionTimestamp = Simulator.Engine.SimTime.Zero;

        Assert.True(FilterAll(f, Web().Spread(1, Zone, "web"), out _)["a1"].IsSuccess);
    }

    [Fact]
    public void A_pod_without_hard_constraints_is_skipped()
    {
        var f = new TopologyFixture();
        f.Node("a1", "a", 3);
        var s = FilterAll(f, Web().Spread(1, Zone, "web", UnsatisfiableConstraintAction.ScheduleAnyway), out var pre);
        Assert.Equal(StatusCode.Skip, pre.Code);
        Assert.True(s["a1"].IsSuccess);
    }

    [Fact]
    public void FailedScheduling_lists_missing_labels_and_skew_separately()
    {
        // minDomains 3 over zones a and b (one web pod each): the global minimum is 0, so both zones
        // give skew 2 > 1; the unlabelled node is unresolvable. Preemption cannot help either.
        var cluster = new TestCluster().Nodes(
            new NodeBuilder("a1").Zone("a"), new NodeBuilder("b1").Zone("b"), new NodeBuilder("bare"));
        cluster.Create(new PodBuilder("w1").Label("app", "web").OnNode("a1"));
        cluster.Create(new PodBuilder("w2").Label("app", "web").OnNode("b1"));
        cluster.RunFor("1s");
        var pod = cluster.Create(Web().Spread(1, Zone, "web", minDomains: 3));
        cluster.RunFor("1s");

        Assert.False(pod.IsBound);
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), " +
            "2 node(s) didn't match pod topology spread constraints. " +
            "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            cluster.EventsFor(pod, "FailedScheduling").Last().Message);
    }
}
