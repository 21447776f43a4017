using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Fragmentation;

/// <summary>Scheduler-cache nodes in a stated state: free CPU, GPU model, and thousandths used on each GPU.</summary>
internal static class GpuNodes
{
    /// <summary>Every resource these nodes and pods name is registered up front, so parallel tests only read the index.</summary>
    public static readonly ResourceIndex Resources = Registered();

    private static ResourceIndex Registered()
    {
        var index = new ResourceIndex();
        index.Register(ResourceNames.NvidiaGpu);
        index.Register(ResourceNames.GpuMilli);
        return index;
    }

    /// <summary>
    /// A node of <paramref name="cpuMilli"/> CPU with one GPU per entry of <paramref name="usedMilli"/>,
    /// each charged that many thousandths by a pod pinned to it, plus a CPU-only pod requesting
    /// <paramref name="cpuUsedMilli"/>.
    /// </summary>
    public static NodeInfo Node(string name, long cpuMilli, int[] usedMilli, string? model = null, long cpuUsedMilli = 0)
    {
        var builder = new NodeBuilder(name).Resource(ResourceNames.Cpu, cpuMilli).Gpus(usedMilli.Length)
            .Resource(ResourceNames.GpuMilli, 1000L * usedMilli.Length);
        if (model is not null) builder.Label(AcceleratorLabels.GpuProduct, model);
        var node = new NodeInfo(builder.Build(), Resources);
        for (int g = 0; g < usedMilli.Length; g++)
        {
            if (usedMilli[g] == 0) continue;
            var pod = usedMilli[g] == 1000
                ? new PodBuilder($"{name}-whole-{g}").Gpus(1).Build()
                : new PodBuilder($"{name}-share-{g}").Resource(ResourceNames.GpuMilli, usedMilli[g]).Build();
            Add(node, pod, g);
        }
        if (cpuUsedMilli > 0) Add(node, new PodBuilder($"{name}-cpu").Resource(ResourceNames.Cpu, cpuUsedMilli).Build());
        return node;
    }

    /// <summary>Accounts <paramref name="pod"/> on <paramref name="node"/>, on the given GPUs.</summary>
    public static Pod Add(NodeInfo node, Pod pod, params int[] gpus)
    {
        pod.Status.AssignedGpus = gpus;
        node.AddPod(pod, new PodInfo(pod, Resources));
        return pod;
    }

    public static PodInfo Share(int milli, long cpuMilli = 1000, string name = "p") =>
        new(new PodBuilder(name).Resource(ResourceNames.Cpu, cpuMilli).Resource(ResourceNames.GpuMilli, milli).Build(), Resources);

    public static PodInfo Whole(int gpus, long cpuMilli = 1000, string name = "p") =>
        new(new PodBuilder(name).Resource(ResourceNames.Cpu, cpuMilli).Gpus(gpus).Build(), Resources);

    public static PodInfo CpuOnly(long cpuMilli, string name = "p") =>
        new(new PodBuilder(name).Resource(ResourceNames.Cpu, cpuMilli).Build(), Resources);
}
