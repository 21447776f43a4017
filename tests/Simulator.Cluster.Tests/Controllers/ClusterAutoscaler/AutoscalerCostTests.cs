using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// An instance the autoscaler asks for is billed from the request (the provider bills a booting
/// machine), not from the node's registration; one given up after max-node-provision-time is
/// billed until the scan that gives up on it.
/// </summary>
public class AutoscalerCostTests
{
    [Fact]
    public void A_node_requested_at_10_s_and_registered_5_min_later_is_billed_from_the_request()
    {
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, provisioning: "5m", price: 2.0)).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("web").Cpu("6")); // 0.75: the node stays
        cluster.RunTo("3610s");
        cluster.Sim.Metrics.Finish();

        Assert.Equal("cpu-0", pod.Spec.NodeName);
        Assert.Equal(Seconds(10), Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Time);
        var cost = cluster.Sim.Metrics.Summarize().Cost;
        // 10 s -> 3610 s: exactly 1 node-hour at 2.0 (from registration it would be 3300 s, 1.833).
        var pool = Assert.Single(cost.ByPool);
        Assert.Equal(("cpu", 1.0, 2.0), (pool.Pool, pool.NodeHours, pool.Cost));
        Assert.Equal(2.0, cost.Total);
    }

    [Theory]
    [InlineData(10, 900)] // requested at 10 s, given up at 910 s: exactly 15 min
    [InlineData(7, 903)]  // requested at 7 s, 15 min later is 907 s, the first scan after it is 910 s (130 × 7)
    public void A_given_up_instance_is_billed_for_15_min_plus_up_to_one_scan(int scanSeconds, int billedSeconds)
    {
        var settings = new ClusterAutoscalerSettings { ScanInterval = SimDuration.FromSeconds(scanSeconds) };
        var cluster = NewCluster(settings: settings).Pools(Pool("slow", 0, 3, provisioning: "20m", price: 3.6)).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("web").Cpu("2"));
        cluster.RunTo("912s");
        Assert.Single(cluster.AutoscalerEvents("ScaleUpTimedOut"));
        cluster.Delete(pod); // nothing asks for a second instance
        cluster.RunTo("1h");
        cluster.Sim.Metrics.Finish();

        var pool = Assert.Single(cluster.Sim.Metrics.Summarize().Cost.ByPool);
        Assert.Equal(billedSeconds / 3600.0, pool.NodeHours, 12);
        Assert.Equal(3.6 * billedSeconds / 3600.0, pool.Cost, 12);
        Assert.Empty(cluster.Store.Nodes);
    }
}
