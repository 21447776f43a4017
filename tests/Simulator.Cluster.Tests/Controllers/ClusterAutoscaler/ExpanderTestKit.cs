using Simulator.Cluster.Controllers.ClusterAutoscaler;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>Options built with only the fields a case cares about.</summary>
internal static class ExpanderTestKit
{
    public const long Gi = 1L << 30;

    public static ExpansionOption Option(
        string pool,
        long nodeCpuMilli = 8000,
        long nodeMemory = 32 * Gi,
        int nodes = 1,
        int pods = 1,
        long podCpuMilli = 1000,
        long podMemory = 1 * Gi,
        int priority = 0,
        double pricePerHour = 1.0) =>
        new(pool, priority, pricePerHour, nodeCpuMilli, nodeMemory, 0, nodes, pods, podCpuMilli, podMemory);

    public static string[] Pools(IEnumerable<ExpansionOption> options) => [.. options.Select(o => o.Pool)];
}
