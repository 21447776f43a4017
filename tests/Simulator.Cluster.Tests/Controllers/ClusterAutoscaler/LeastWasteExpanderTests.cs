using Simulator.Cluster.Controllers.ClusterAutoscaler;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.ExpanderTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// least-waste on pending pods asking 4500m CPU and 9Gi in total. Every score below is a sum of
/// binary fractions, so the doubles are exact and compared with ==.
/// </summary>
public class LeastWasteExpanderTests
{
    private static readonly LeastWasteExpander Expander = new();

    private static ExpansionOption Pool(string name, long cpu, long memoryGi, int nodes = 1) =>
        Option(name, nodeCpuMilli: cpu, nodeMemory: memoryGi * Gi, nodes: nodes, pods: 3, podCpuMilli: 4500, podMemory: 9 * Gi);

    [Fact]
    public void Scores_are_idle_cpu_fraction_plus_idle_memory_fraction()
    {
        // 6 CPU / 12Gi: 1500/6000 + 3/12 = 0.25 + 0.25.
        Assert.Equal(0.5, LeastWasteExpander.WastedScore(Pool("a", 6000, 12)));
        // 8 CPU / 12Gi: 3500/8000 + 3/12 = 0.4375 + 0.25.
        Assert.Equal(0.6875, LeastWasteExpander.WastedScore(Pool("b", 8000, 12)));
        // two nodes of 4 CPU / 16Gi: 3500/8000 + 23/32 = 0.4375 + 0.71875.
        Assert.Equal(1.15625, LeastWasteExpander.WastedScore(Pool("c", 4000, 16, nodes: 2)));
    }

    [Fact]
    public void Picks_the_pool_that_leaves_the_least_idle_cpu()
    {
        var options = new[] { Pool("c", 4000, 16, nodes: 2), Pool("b", 8000, 12), Pool("a", 6000, 12) };
        Assert.Equal(["a"], Pools(Expander.BestOptions(options)));
    }

    [Fact]
    public void Equal_idle_cpu_is_decided_by_idle_memory()
    {
        // Both idle 0.25 of their CPU; 16Gi idles 7/16 = 0.4375 of memory, 12Gi only 0.25.
        var options = new[] { Pool("roomy", 6000, 16), Pool("snug", 6000, 12) };
        Assert.Equal(0.6875, LeastWasteExpander.WastedScore(options[0]));
        Assert.Equal(["snug"], Pools(Expander.BestOptions(options)));
    }

    [Fact]
    public void Cpu_and_memory_are_blended_not_ranked()
    {
        // "cpu-fit" idles only 500/5000 = 0.1 of its CPU but 23/32 = 0.71875 of its memory (0.81875);
        // "balanced" idles 0.25 of each (0.5). CA sums the fractions, so balanced wins.
        var options = new[] { Pool("cpu-fit", 5000, 32), Pool("balanced", 6000, 12) };
        Assert.Equal(["balanced"], Pools(Expander.BestOptions(options)));
    }

    [Fact]
    public void Equal_scores_all_survive_in_input_order()
    {
        // One 8 CPU / 32Gi node and two 4 CPU / 16Gi nodes waste exactly the same.
        var options = new[] { Pool("big", 8000, 32), Pool("worse", 8000, 64), Pool("small", 4000, 16, nodes: 2) };
        Assert.Equal(["big", "small"], Pools(Expander.BestOptions(options)));
    }

    [Fact]
    public void No_options_gives_none() => Assert.Empty(Expander.BestOptions([]));
}
