using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>Scheduling latency (creation to binding) and its nearest-rank percentiles.</summary>
public class SchedulingLatencyTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(90, 9)]
    [InlineData(95, 10)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(1, 1)]
    [InlineData(100, 10)]
    public void Nearest_rank_of_one_to_ten(double p, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p));

    [Theory]
    [InlineData(new double[] { }, 50, 0)]
    [InlineData(new double[] { 7 }, 1, 7)]
    [InlineData(new double[] { 7 }, 99, 7)]
    [InlineData(new double[] { 1, 100 }, 50, 1)] // rank ceil(1) = 1: no interpolation towards 50.5
    [InlineData(new double[] { 1, 100 }, 51, 100)]
    public void Nearest_rank_is_always_an_observed_value(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank(sorted, p));

    [Fact]
    public void Summary_latencies_of_pods_that_all_bind_when_their_node_registers()
    {
        // Every pod wants node "late", which registers at 100 s; they were created at the times
        // below, so their latencies are 100, 90, 60, 30, 10 and 5 s.
        var cluster = new TestCluster().Nodes(new NodeBuilder("busy"));
        int[] createdAt = [0, 10, 40, 70, 90, 95];
        foreach (var (t, i) in createdAt.Select((t, i) => (t, i)))
            cluster.Sim.SubmitPod(TestCluster.At($"{t}s"), new PodBuilder($"p{i}").NodeSelector("kubernetes.io/hostname", "late").Build());
        cluster.Sim.AddNode(TestCluster.At("100s"), new NodeBuilder("late").Build());

        var result = cluster.Sim.Run(TestCluster.At("120s"));

        Assert.All(result.Pods, r => Assert.Equal(TestCluster.At("100s"), r.Scheduled));
        var latency = result.Summary.SchedulingLatency;
        Assert.Equal(6, latency.Count);
        Assert.Equal(30, latency.P50Seconds); // sorted 5 10 30 60 90 100: rank ceil(3) = 3
        Assert.Equal(100, latency.P95Seconds); // rank ceil(5.7) = 6
        Assert.Equal(100, latency.MaxSeconds);
        Assert.Equal(6, result.Summary.PodsScheduled);
        Assert.Equal(6, result.Summary.PodsEverUnschedulable);
        Assert.Equal(0, result.Summary.PodsUnschedulable);
    }

    /// <summary>
    /// With no node at all, no filter rejected the pod, so no cluster event is registered for it.
    /// kube-scheduler retries such a pod on any event (a pod without rejector plugins is always
    /// worth requeueing) or after its backoff; it must not sit in the unschedulable pool for the
    /// 5-minute flush after a node has registered.
    /// </summary>
    [Fact]
    public void A_pod_created_before_any_node_exists_is_scheduled_soon_after_the_first_node_registers()
    {
        var cluster = new TestCluster();
        cluster.Sim.SubmitPod(TestCluster.At("0s"), new PodBuilder("early").Build());
        cluster.Sim.AddNode(TestCluster.At("10s"), new NodeBuilder("a").Build());

        var result = cluster.Sim.Run(TestCluster.At("10m"));

        Assert.InRange(result.Pods.Single().Scheduled!.Value.TotalSeconds, 10, 20);
    }
}
