using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Framework;

public class PerNodeCacheTests
{
    private static NodeInfo Node(ResourceIndex index, int i) => new(new NodeBuilder($"n{i}").Cpu("1").Build(), index);

    [Fact]
    public void Nodes_that_left_the_cluster_are_forgotten_once_entries_outnumber_twice_the_live_nodes_plus_64()
    {
        var index = new ResourceIndex();
        var live = new List<NodeInfo> { Node(index, 0), Node(index, 1) };
        var cache = new PerNodeCache<int>(live);
        cache.Set(live[0], 10);
        cache.Set(live[1], 11);
        // Nodes come and go (each registration is a new NodeInfo): 66 gone nodes fill the slack of 2 x 2 + 64 = 68.
        for (int i = 0; i < 66; i++) cache.Set(Node(index, 100 + i), i);
        Assert.Equal(68, cache.Count);

        // The next new node finds the cache full: the gone nodes are dropped before it goes in.
        var newcomer = Node(index, 2);
        cache.Set(newcomer, 12);
        live.Add(newcomer);

        // The prune kept the live nodes and their values and dropped every gone one.
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGetValue(live[0], out int a) && a == 10);
        Assert.True(cache.TryGetValue(live[1], out int b) && b == 11);
        Assert.True(cache.TryGetValue(newcomer, out int c) && c == 12);
    }

    [Fact]
    public void Updating_a_known_node_never_prunes()
    {
        var index = new ResourceIndex();
        var cache = new PerNodeCache<int>([]);
        var nodes = Enumerable.Range(0, 64).Select(i => Node(index, i)).ToList();
        foreach (var n in nodes) cache.Set(n, 1);
        foreach (var n in nodes) cache.Set(n, 2);
        Assert.Equal(64, cache.Count);
        Assert.All(nodes, n => Assert.True(cache.TryGetValue(n, out int v) && v == 2));
    }
}
