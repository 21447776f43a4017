using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.ExpanderTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>most-pods, least-nodes, priority, price and random, each on a constructed case.</summary>
public class FilteringExpanderTests
{
    [Fact]
    public void Most_pods_keeps_every_option_placing_the_most_pods()
    {
        var options = new[] { Option("a", pods: 3), Option("b", pods: 5), Option("c", pods: 2), Option("d", pods: 5) };
        Assert.Equal(["b", "d"], Pools(new MostPodsExpander().BestOptions(options)));
    }

    [Fact]
    public void Least_nodes_keeps_every_option_adding_the_fewest_nodes()
    {
        var options = new[] { Option("a", nodes: 2), Option("b", nodes: 1), Option("c", nodes: 1) };
        Assert.Equal(["b", "c"], Pools(new LeastNodesExpander().BestOptions(options)));
    }

    [Fact]
    public void Priority_keeps_the_highest_priority_pools()
    {
        var options = new[] { Option("a", priority: 10), Option("b", priority: 20), Option("c", priority: 0), Option("d", priority: 20) };
        Assert.Equal(["b", "d"], Pools(new PriorityExpander().BestOptions(options)));
        // Negative priorities are ordinary numbers: -1 beats -5.
        Assert.Equal(["y"], Pools(new PriorityExpander().BestOptions([Option("x", priority: -5), Option("y", priority: -1)])));
    }

    [Fact]
    public void Price_keeps_the_one_option_cheapest_per_placed_pod()
    {
        // a: 2 nodes × 3.0 / 4 pods = 1.5; b: 1 × 4.0 / 2 = 2.0; c: 1 × 1.25 / 1 = 1.25.
        var a = Option("a", nodes: 2, pods: 4, pricePerHour: 3.0);
        var b = Option("b", nodes: 1, pods: 2, pricePerHour: 4.0);
        var c = Option("c", nodes: 1, pods: 1, pricePerHour: 1.25);
        Assert.Equal(1.5, PriceExpander.Score(a));
        Assert.Equal(2.0, PriceExpander.Score(b));
        Assert.Equal(["c"], Pools(new PriceExpander().BestOptions([a, b, c])));
    }

    [Fact]
    public void Price_keeps_only_the_first_of_equally_cheap_options()
    {
        // As CA's price expander: a strict "<" keeps the first best, so one option survives.
        var options = new[] { Option("x", pricePerHour: 2.0), Option("y", pricePerHour: 1.0), Option("z", pricePerHour: 1.0) };
        Assert.Equal(["y"], Pools(new PriceExpander().BestOptions(options)));
    }

    [Fact]
    public void Price_never_prefers_an_option_that_places_no_pods()
    {
        Assert.Equal(double.PositiveInfinity, PriceExpander.Score(Option("none", pods: 0, pricePerHour: 0.1)));
        Assert.Equal(["some"], Pools(new PriceExpander().BestOptions([Option("none", pods: 0, pricePerHour: 0.1), Option("some", pricePerHour: 50)])));
    }

    [Fact]
    public void Random_draws_one_option_reproducibly_from_its_stream()
    {
        var options = Enumerable.Range(0, 5).Select(i => Option($"p{i}")).ToArray();
        var first = new RandomExpander(new Random(42));
        var second = new RandomExpander(new Random(42));
        var draws = Enumerable.Range(0, 50).Select(_ => Assert.Single(first.BestOptions(options)).Pool).ToArray();
        var again = Enumerable.Range(0, 50).Select(_ => Assert.Single(second.BestOptions(options)).Pool).ToArray();
        Assert.Equal(draws, again);
        // Uniform over 5 options: 50 draws reach every one of them.
        Assert.Equal(5, draws.Distinct().Count());
        Assert.Empty(first.BestOptions([]));
    }

    [Fact]
    public void An_option_reads_its_template_from_the_node_pool()
    {
        var pool = new NodePool
        {
            Name = "gpu",
            Capacity = ResourceList.Of((ResourceNames.Cpu, 96_000), (ResourceNames.Memory, 1024 * Gi), (ResourceNames.NvidiaGpu, 8)),
            Allocatable = ResourceList.Of((ResourceNames.Cpu, 95_000), (ResourceNames.Memory, 1000 * Gi), (ResourceNames.NvidiaGpu, 8)),
            PricePerHour = 32.5,
            Autoscaling = new NodePoolAutoscaling(0, 4, null, 7),
        };
        var option = ExpansionOption.For(pool, nodeCount: 2, podCount: 3, podCpuMilli: 12_000, podMemoryBytes: 48 * Gi);
        Assert.Equal(new ExpansionOption("gpu", 7, 32.5, 96_000, 1024 * Gi, 8, 2, 3, 12_000, 48 * Gi), option);
        // A pool without spec.autoscaling has priority 0.
        var fixedSize = new NodePool { Name = "cpu", Capacity = pool.Capacity, Allocatable = pool.Allocatable };
        Assert.Equal(0, ExpansionOption.For(fixedSize, 1, 1, 0, 0).Priority);
    }
}
