using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>Uniform choice among equally scored nodes (reference fact 6).</summary>
public class TieBreakTests
{
    [Fact]
    public void Fact6_each_of_three_tied_nodes_wins_about_a_third_of_the_time()
    {
        var index = new ResourceIndex();
        var nodes = new[] { "a", "b", "c" }.Select(n => new NodeInfo(new NodeBuilder(n).Build(), index)).ToList();
        var cycle = SamplingTests.NewCycle(index);
        var pod = new PodInfo(new PodBuilder("p").Cpu("1").Memory("1Gi").Build(), index);

        const int trials = 30_000;
        var wins = new Dictionary<string, int>();
        for (int i = 0; i < trials; i++)
        {
            var name = cycle.Schedule(pod, nodes).Node!.Name;
            wins[name] = wins.GetValueOrDefault(name) + 1;
        }

        // Each count is Binomial(30000, 1/3): standard deviation ~82, so +/-600 is over 7 sigma.
        Assert.Equal(3, wins.Count);
        Assert.All(wins.Values, w => Assert.InRange(w, trials / 3 - 600, trials / 3 + 600));
    }

    [Fact]
    public void The_best_scored_node_wins_without_randomness()
    {
        var index = new ResourceIndex();
        var nodes = new List<NodeInfo>
        {
            new(new NodeBuilder("busy").Build(), index),
            new(new NodeBuilder("empty").Cpu("64").Memory("256Gi").Build(), index),
        };
        var cycle = SamplingTests.NewCycle(index);
        var pod = new PodInfo(new PodBuilder("p").Cpu("1").Memory("1Gi").Build(), index);
        for (int i = 0; i < 100; i++) Assert.Equal("empty", cycle.Schedule(pod, nodes).Node!.Name);
    }
}
