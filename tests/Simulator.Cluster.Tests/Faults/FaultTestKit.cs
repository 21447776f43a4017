using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Faults;

internal static class FaultTestKit
{
    public static NodePool Pool(string name, int count = 0, IReadOnlyDictionary<string, string>? labels = null)
    {
        var resources = ResourceList.Of((ResourceNames.Cpu, 4_000), (ResourceNames.Memory, 16L << 30));
        return new NodePool { Name = name, Count = count, Capacity = resources, Allocatable = resources, Labels = labels ?? ObjectMeta.EmptyMap };
    }

    /// <summary>Registers the pool and adds its initial nodes, as a scenario does.</summary>
    public static NodePool AddPool(this TestCluster cluster, NodePool pool)
    {
        cluster.Sim.Faults.AddNodePool(pool);
        for (int i = 0; i < pool.Count; i++) cluster.Store.AddNode(pool.NewNode(i));
        return pool;
    }

    public static void Do(this TestCluster cluster, TimelineAction action) => cluster.Sim.Faults.Schedule(action);

    public static string[] NodeNames(this TestCluster cluster) => [.. cluster.Store.Nodes.Select(n => n.Name)];
}
