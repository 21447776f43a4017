using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>percentageOfNodesToScore and the rotating start index (reference fact 8).</summary>
public class SamplingTests
{
    [Theory]
    [InlineData(1000, 420)]
    [InlineData(150, 100)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(5000, 500)]
    [InlineData(6000, 300)]
    [InlineData(50_000, 2500)]
    public void Fact8_adaptive_number_of_feasible_nodes_to_find(int nodes, int expected) =>
        Assert.Equal(expected, NodeSampling.NumFeasibleNodesToFind(0, nodes));

    [Theory]
    [InlineData(10, 1000, 100)]
    [InlineData(30, 1000, 300)]
    [InlineData(100, 1000, 1000)]
    public void Explicit_percentage_with_a_floor_of_100(int percentage, int nodes, int expected) =>
        Assert.Equal(expected, NodeSampling.NumFeasibleNodesToFind(percentage, nodes));

    [Fact]
    public void Filtering_stops_at_the_target_and_the_next_cycle_starts_where_it_stopped()
    {
        var index = new ResourceIndex();
        var nodes = Enumerable.Range(0, 1000).Select(i => new NodeInfo(new NodeBuilder($"n{i}").Build(), index)).ToList();
        var cycle = NewCycle(index);
        var pod = new PodInfo(new PodBuilder("p").Cpu("100m").Build(), index);

        var first = cycle.Schedule(pod, nodes);
        Assert.Equal(420, first.FeasibleNodes);
        Assert.Equal(420, first.NodesEvaluated);
        Assert.Equal(420, cycle.NextStartNodeIndex);

        cycle.Schedule(pod, nodes);
        Assert.Equal(840, cycle.NextStartNodeIndex);
        cycle.Schedule(pod, nodes);
        Assert.Equal((840 + 420) % 1000, cycle.NextStartNodeIndex);
    }

    [Fact]
    public void Infeasible_nodes_count_as_examined()
    {
        var index = new ResourceIndex();
        // 300 nodes: 50 - 300/125 = 48 %, so 144 feasible nodes are sought; every other node is
        // too small, so finding them takes 288 examinations.
        var nodes = Enumerable.Range(0, 300)
            .Select(i => new NodeInfo(new NodeBuilder($"n{i}").Cpu(i % 2 == 0 ? "100m" : "8").Build(), index)).ToList();
        var cycle = NewCycle(index);
        var result = cycle.Schedule(new PodInfo(new PodBuilder("p").Cpu("1").Build(), index), nodes);

        Assert.Equal(144, result.FeasibleNodes);
        Assert.Equal(288, result.NodesEvaluated);
        Assert.Equal(288, cycle.NextStartNodeIndex);
    }

    [Fact]
    public void Nodes_are_listed_round_robin_across_zones()
    {
        var cache = new SchedulerCache(new ResourceIndex());
        foreach (var (name, zone) in new[] { ("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b"), ("c1", "c"), ("c2", "c") })
            cache.OnNode(Simulator.Cluster.Store.WatchEventType.Added, new NodeBuilder(name).Zone(zone).Build());
        Assert.Equal(["a1", "b1", "c1", "a2", "c2", "a3"], cache.Nodes.Select(n => n.Name));
    }

    internal static SchedulingCycle NewCycle(ResourceIndex index, int seed = 7)
    {
        SchedulingCycle? cycle = null;
        var profile = DefaultProfile.Create(new ProfileContext(index, (p, n) => cycle!.RunFilters(p, n), p => new PodInfo(p, index), Simulator.Cluster.Workloads.Training.ThroughputTable.Default));
        cycle = new SchedulingCycle(profile, new Random(seed));
        return cycle;
    }
}
