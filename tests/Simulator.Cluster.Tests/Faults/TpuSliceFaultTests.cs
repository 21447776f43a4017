using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Faults;

/// <summary>
/// A multi-host TPU slice (topology 2x4 = 8 chips, 4 per host: 2 nodes) fails, recovers and is
/// removed as one unit, whichever of its nodes the fault hits; a single-host TPU pool does not.
/// </summary>
public class TpuSliceFaultTests
{
    private static NodePool TpuPool(string name, int count, TpuSlice? slice) => new()
    {
        Name = name,
        Count = count,
        Labels = new Dictionary<string, string>
        {
            [AcceleratorLabels.TpuAccelerator] = "tpu-v5-lite-podslice",
            [AcceleratorLabels.TpuTopology] = slice?.Topology ?? "2x2",
        },
        Capacity = ResourceList.Of((ResourceNames.Cpu, 24_000), (ResourceNames.Memory, 48L << 30), (ResourceNames.GoogleTpu, 4)),
        Allocatable = ResourceList.Of((ResourceNames.Cpu, 24_000), (ResourceNames.Memory, 48L << 30), (ResourceNames.GoogleTpu, 4)),
        Slice = slice,
    };

    private static TestCluster SliceCluster()
    {
        var cluster = new TestCluster();
        cluster.AddPool(TpuPool("slice", 2, new TpuSlice("2x4", 8, 4)));
        cluster.AddPool(TpuPool("single", 2, null));
        return cluster;
    }

    private static List<(SimTime Time, string Reason, string Node)> Injected(TestCluster cluster) =>
        [.. cluster.Sim.Metrics.Events
            .Where(e => e.Source == FaultInjector.ComponentName && e.Reason is "NodeFailed" or "NodeRecovered")
            .Select(e => (e.Time, e.Reason, e.ObjectName))];

    private static bool Up(TestCluster cluster, string node) => cluster.Sim.Kubelets.For(node)!.IsUp;

    [Fact]
    public void A_fault_on_one_host_fails_the_whole_slice_at_the_same_instant_and_it_recovers_together()
    {
        var cluster = SliceCluster();
        cluster.Do(new FailNode(TestCluster.At("10m"), "slice-1"));
        cluster.Do(new RecoverNode(TestCluster.At("30m"), "slice-1"));
        cluster.RunTo("20m");

        Assert.False(Up(cluster, "slice-0"));
        Assert.False(Up(cluster, "slice-1"));
        Assert.True(Up(cluster, "single-0"));
        cluster.RunTo("40m");

        Assert.True(Up(cluster, "slice-0"));
        Assert.True(Up(cluster, "slice-1"));
        Assert.Equal(
            [
                (TestCluster.At("10m"), "NodeFailed", "slice-1"),
                (TestCluster.At("10m"), "NodeFailed", "slice-0"),
                (TestCluster.At("30m"), "NodeRecovered", "slice-1"),
                (TestCluster.At("30m"), "NodeRecovered", "slice-0"),
            ],
            Injected(cluster));
        Assert.Contains(cluster.Sim.Metrics.Events, e => e.ObjectName == "slice-0" && e.Message == "Node slice-0 failed (TPU slice slice with node slice-1: timeline)");
    }

    [Fact]
    public void A_single_host_tpu_pool_fails_node_by_node()
    {
        var cluster = SliceCluster();
        cluster.Do(new FailNode(TestCluster.At("10m"), "single-0"));
        cluster.RunTo("20m");

        Assert.False(Up(cluster, "single-0"));
        Assert.True(Up(cluster, "single-1"));
        Assert.True(Up(cluster, "slice-0"));
    }

    [Fact]
    public void Random_faults_on_any_host_take_the_slice_down_and_bring_it_back_as_one()
    {
        var cluster = SliceCluster();
        cluster.Sim.Faults.AddModel(new FaultModel(
            "tpu-failures",
            LabelSelector.FromLabels(new Dictionary<string, string> { [NodePool.PoolLabel] = "slice" }),
            DurationDistribution.Exponential(SimDuration.FromHours(10)),
            DurationDistribution.Constant(SimDuration.FromHours(1))));
        var downAt = new List<(SimTime Time, bool Slice0, bool Slice1)>();
        // Sample both hosts every minute for 10 days: they are never in different states.
        for (int minute = 1; minute <= 14_400; minute++)
        {
            cluster.RunTo(minute + "m");
            downAt.Add((cluster.Engine.Now, Up(cluster, "slice-0"), Up(cluster, "slice-1")));
        }

        Assert.All(downAt, s => Assert.Equal(s.Slice0, s.Slice1));
        var failures = Injected(cluster).Where(f => f.Reason == "NodeFailed").ToList();
        Assert.True(failures.Count >= 10, $"{failures.Count} failures");
        // Every failure instant fails both hosts.
        Assert.All(failures.GroupBy(f => f.Time), g => Assert.Equal(["slice-0", "slice-1"], g.Select(f => f.Node).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Removing_one_host_removes_the_slice_and_it_comes_back_only_whole()
    {
        var cluster = SliceCluster();
        cluster.Do(new RemoveNode(TestCluster.At("10m"), "slice-0"));
        cluster.Do(new AddNodes(TestCluster.At("20m"), "slice", 1));
        cluster.Do(new ScaleNodePool(TestCluster.At("30m"), "slice", 2));
        cluster.RunTo("15m");
        Assert.DoesNotContain(cluster.NodeNames(), n => n.StartsWith("slice-", StringComparison.Ordinal));

        cluster.RunTo("25m");
        Assert.DoesNotContain(cluster.NodeNames(), n => n.StartsWith("slice-", StringComparison.Ordinal));
        Assert.Contains(cluster.Sim.Metrics.Events, e => e.Reason == "TimelineActionSkipped" && e.ObjectName == "slice" &&
            e.Message.EndsWith("node pool \"slice\" is a 2-host TPU slice (2x4): it has 0 or 2 nodes, not 1", StringComparison.Ordinal));

        cluster.RunTo("35m");
        Assert.Equal(["slice-2", "slice-3"], cluster.NodeNames().Where(n => n.StartsWith("slice-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
