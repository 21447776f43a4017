using FsCheck.Xunit;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.ExpanderTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>--expander=a,b,...: order, early stop, the random tie-break, and bad lists.</summary>
public class ExpanderChainTests
{
    // Pending pods: 4500m and 9Gi. least-waste scores: "hi-wasteful" 0.6875, "hi-snug" 0.5, "lo-snugger" 0.2.
    private static readonly ExpansionOption HiWasteful = Option("hi-wasteful", 8000, 12 * Gi, pods: 3, podCpuMilli: 4500, podMemory: 9 * Gi, priority: 10);
    private static readonly ExpansionOption HiSnug = Option("hi-snug", 6000, 12 * Gi, pods: 3, podCpuMilli: 4500, podMemory: 9 * Gi, priority: 10);
    private static readonly ExpansionOption LoSnugger = Option("lo-snugger", 5000, 10 * Gi, pods: 3, podCpuMilli: 4500, podMemory: 9 * Gi, priority: 5);
    private static readonly ExpansionOption[] Options = [HiWasteful, HiSnug, LoSnugger];

    private static ExpanderChain Chain(string spec, int seed = 1) => ExpanderChain.Parse(spec, new Random(seed));

    [Fact]
    public void Each_expander_narrows_the_survivors_of_the_one_before()
    {
        // lo-snugger: 500/5000 + 1/10 = 0.2 wastes least of all, but priority has already dropped it.
        Assert.Equal("lo-snugger", Chain("least-waste").BestOption(Options)!.Pool);
        Assert.Equal("hi-snug", Chain("priority,least-waste").BestOption(Options)!.Pool);
        Assert.Equal(["hi-wasteful", "hi-snug"], Pools(new PriorityExpander().BestOptions(Options)));
    }

    [Fact]
    public void The_order_of_the_chain_matters()
    {
        // most-pods first keeps a and c (4 pods each); price then picks c (0.75 / pod-hour vs 1.0).
        // price first picks b alone (0.5 / pod-hour), and most-pods has nothing left to choose.
        var a = Option("a", pods: 4, nodes: 2, pricePerHour: 2.0);
        var b = Option("b", pods: 2, nodes: 1, pricePerHour: 1.0);
        var c = Option("c", pods: 4, nodes: 1, pricePerHour: 3.0);
        Assert.Equal("c", Chain("most-pods,price").BestOption([a, b, c])!.Pool);
        Assert.Equal("b", Chain("price,most-pods").BestOption([a, b, c])!.Pool);
    }

    [Fact]
    public void A_single_survivor_ends_the_chain_without_drawing()
    {
        var random = new Random(7);
        var chain = ExpanderChain.Parse("priority,most-pods", random);
        Assert.Equal("preferred", chain.BestOption([Option("preferred", priority: 1), Option("other", priority: 0)])!.Pool);
        // The stream was not consumed: its next draw is a fresh stream's first.
        Assert.Equal(new Random(7).Next(), random.Next());
    }

    [Fact]
    public void Remaining_ties_are_broken_at_random_reproducibly()
    {
        var tied = new[] { Option("x"), Option("y"), Option("z") };
        string[] Picks(int seed)
        {
            var chain = Chain("most-pods", seed);
            return [.. Enumerable.Range(0, 30).Select(_ => chain.BestOption(tied)!.Pool)];
        }
        Assert.Equal(Picks(3), Picks(3));
        Assert.Equal(["x", "y", "z"], Picks(3).Distinct().Order().ToArray());
    }

    [Fact]
    public void No_options_gives_no_choice() => Assert.Null(Chain("priority,least-waste").BestOption([]));

    [Fact]
    public void The_default_is_least_waste()
    {
        Assert.Equal("least-waste", ExpanderChain.Default);
        Assert.Equal(["least-waste"], Chain(ExpanderChain.Default).Expanders.Select(e => e.Name).ToArray());
    }

    [Fact]
    public void Names_are_parsed_in_order_with_spaces_ignored()
    {
        Assert.Equal(["priority", "least-waste", "random"],
            Chain(" priority , least-waste,random").Expanders.Select(e => e.Name).ToArray());
        Assert.Equal(["least-nodes", "least-waste", "most-pods", "price", "priority", "random"], ExpanderChain.KnownNames);
    }

    [Theory]
    [InlineData("lest-waste", "unknown expander \"lest-waste\" (known: least-nodes, least-waste, most-pods, price, priority, random)")]
    [InlineData("priority,grpc", "unknown expander \"grpc\" (known: least-nodes, least-waste, most-pods, price, priority, random)")]
    [InlineData("", "empty expander name in \"\" (known: least-nodes, least-waste, most-pods, price, priority, random)")]
    [InlineData("priority,,price", "empty expander name in \"priority,,price\" (known: least-nodes, least-waste, most-pods, price, priority, random)")]
    [InlineData("price,priority,price", "expander \"price\" is given more than once; each expander may be used once")]
    public void Bad_lists_are_refused_with_a_clear_message(string spec, string message)
    {
        Assert.False(ExpanderChain.TryParse(spec, new Random(0), out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => ExpanderChain.Parse(spec, new Random(0))).Message);
    }

    [Property(MaxTest = 300)]
    public bool Least_waste_chain_picks_an_input_option_with_the_lowest_waste(byte[] shapes, int seed)
    {
        // Each byte is one pool: node CPU 1-16 cores, memory 1-16 Gi, 1-4 nodes; the pods ask 1 core and 1Gi.
        var options = shapes.Select((s, i) => Option($"p{i}", 1000L * (1 + s % 16), Gi * (1 + s / 16), nodes: 1 + s % 4)).ToArray();
        var pick = Chain("least-waste", seed).BestOption(options);
        if (options.Length == 0) return pick is null;
        double least = options.Min(LeastWasteExpander.WastedScore);
        return pick is not null && options.Contains(pick) && LeastWasteExpander.WastedScore(pick) == least;
    }
}
