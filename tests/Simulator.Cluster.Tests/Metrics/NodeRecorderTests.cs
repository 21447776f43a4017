using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// nodes.csv rows: each node's Ready and NotReady intervals from its Ready condition, with its
/// added and removed times. Rows read: node, pool, state, from, to, added, removed.
/// </summary>
public class NodeRecorderTests
{
    private static string Row(NodeInterval i) => string.Join(",",
        i.Node, i.Pool, i.State, i.From.ToSecondsString(), i.To?.ToSecondsString() ?? "",
        i.Added.ToSecondsString(), i.Removed?.ToSecondsString() ?? "");

    private static string[] Rows(MetricsRecorder metrics) => [.. metrics.NodeIntervals().Select(Row)];

    [Fact]
    public void A_node_that_fails_recovers_and_is_removed_and_one_that_joins_late()
    {
        var h = new RecorderHarness();
        var a = h.Node("a", "cpu");
        Node b = null!;
        h.At("10s", () => b = h.Node("b", "gpu", ready: false));
        h.At("15s", () => h.SetReady(b, ConditionStatus.True));
        h.At("20s", () => h.SetReady(a, ConditionStatus.Unknown));
        h.At("50s", () => h.SetReady(a, ConditionStatus.True));
        h.At("80s", () => h.Store.DeleteNode("a"));
        h.RunTo("100s");

        Assert.Equal(
            [
                "a,cpu,Ready,0.000000,20.000000,0.000000,80.000000",
                "a,cpu,NotReady,20.000000,50.000000,0.000000,80.000000",
                "a,cpu,Ready,50.000000,80.000000,0.000000,80.000000",
                "b,gpu,NotReady,10.000000,15.000000,10.000000,",
                "b,gpu,Ready,15.000000,,10.000000,",
            ],
            Rows(h.Metrics));
        // b starting up is not a failure and not downtime.
        Assert.Equal(new NodeHealthSummary(1, 30), h.Metrics.Summarize().NodeHealth);
    }

    [Fact]
    public void Downtime_of_a_node_still_down_at_the_end_counts_up_to_the_end()
    {
        var h = new RecorderHarness();
        var a = h.Node("a");
        h.At("40s", () => h.SetReady(a, ConditionStatus.False));
        h.RunTo("100s");

        Assert.Equal(["a,,Ready,0.000000,40.000000,0.000000,", "a,,NotReady,40.000000,,0.000000,"], Rows(h.Metrics));
        Assert.Equal(new NodeHealthSummary(1, 60), h.Metrics.Summarize().NodeHealth);
    }

    [Fact]
    public void A_flap_within_one_instant_is_no_interval_and_no_failure()
    {
        var h = new RecorderHarness();
        var a = h.Node("a");
        h.At("30s", () =>
        {
            h.SetReady(a, ConditionStatus.Unknown);
            h.SetReady(a, ConditionStatus.True);
        });
        h.RunTo("1m");

        Assert.Equal(["a,,Ready,0.000000,,0.000000,"], Rows(h.Metrics));
        Assert.Equal(NodeHealthSummary.None, h.Metrics.Summarize().NodeHealth);
    }

    [Fact]
    public void A_node_removed_in_the_instant_it_fails_ends_ready()
    {
        var h = new RecorderHarness();
        var a = h.Node("a");
        h.At("30s", () =>
        {
            h.SetReady(a, ConditionStatus.False);
            h.Store.DeleteNode("a");
        });
        h.RunTo("1m");

        Assert.Equal(["a,,Ready,0.000000,30.000000,0.000000,30.000000"], Rows(h.Metrics));
    }

    [Fact]
    public void The_time_series_counts_ready_and_not_ready_nodes()
    {
        var h = new RecorderHarness();
        var a = h.Node("a");
        h.Node("b");
        h.Node("c", ready: false);
        h.At("15s", () => h.SetReady(a, ConditionStatus.Unknown));
        h.Metrics.Start();
        h.RunTo("20s");

        Assert.Equal([(2, 1), (2, 1), (1, 2)], h.Metrics.TimeSeries.Select(r => (r.ReadyNodes, r.NotReadyNodes)));
    }

    /// <summary>
    /// In a whole cluster the kubelet makes a registering node Ready in the same instant, and a
    /// failed node's condition is what the node lifecycle controller writes (set here by hand).
    /// </summary>
    [Fact]
    public void A_kubelet_failure_in_a_whole_cluster()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var node = cluster.Store.GetNode("a")!;
        cluster.Engine.Schedule(TestCluster.At("10s"), () =>
        {
            cluster.Sim.Kubelets.FailNode("a");
            node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.Unknown, cluster.Engine.Now, "NodeStatusUnknown");
            cluster.Store.UpdateNode(node);
        });
        cluster.Engine.Schedule(TestCluster.At("30s"), () =>
        {
            cluster.Sim.Kubelets.RecoverNode("a");
            node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, cluster.Engine.Now, "KubeletReady");
            cluster.Store.UpdateNode(node);
        });
        cluster.RunTo("40s");

        Assert.Equal(
            [
                "a,,Ready,0.000000,10.000000,0.000000,",
                "a,,NotReady,10.000000,30.000000,0.000000,",
                "a,,Ready,30.000000,,0.000000,",
            ],
            Rows(cluster.Sim.Metrics));
    }
}
