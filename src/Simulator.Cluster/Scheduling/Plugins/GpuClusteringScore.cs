using System.Numerics;
using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// GPU clustering (the FGD artifact's GpuClusteringScore): keep pods of the same GPU class
/// together. A pod's class is "share" for a GPU share, "k-gpu" for k whole GPUs; a node's classes
/// are those of the GPU pods on it. With b = 25 * (8000 - gpuFree) / 8000 (integers; fuller nodes
/// first within a band), the score is 75 + b if the node holds only the pod's class, 50 + b if it
/// holds the pod's class among others, 25 + b if it holds no GPU pod, b if only other classes.
/// Pods without GPUs score 0 everywhere. A node's classes are cached until the node changes
/// (<see cref="NodeInfo.Generation"/>), so Score does not walk the node's pods every cycle.
/// </summary>
public sealed class GpuClusteringScore : IScorePlugin
{
    public const string PluginName = "GpuClusteringScore";

    private readonly PerNodeCache<(long Generation, ulong Classes)> _classes;
    private CurrentPodShape _pod;

    /// <param name="liveNodes">The scheduler cache's nodes, so that state of nodes gone is dropped.</param>
    public GpuClusteringScore(IReadOnlyList<NodeInfo>? liveNodes = null) =>
        _classes = new PerNodeCache<(long Generation, ulong Classes)>(liveNodes ?? []);

    public string Name => PluginName;

    public long Score(PodInfo pod, NodeInfo node)
    {
        ulong podClass = ClassOf(_pod.Of(pod));
        if (podClass == 0) return 0;
        const long quarter = ScoreNormalizer.MaxNodeScore / 4;
        long band = quarter * (GpuPolicySpec.MaxGpuMilli - GpuAssignment.TotalFree(node.GpuUsedMilli, node.GpuCount)) / GpuPolicySpec.MaxGpuMilli;
        ulong classes = ClassesOn(node);
        if ((classes & podClass) != 0) return band + (BitOperations.PopCount(classes) == 1 ? 3 * quarter : 2 * quarter);
        return band + (classes == 0 ? quarter : 0);
    }

    /// <summary>A one-bit mask: bit 0 for a share, bit k for k whole GPUs (k capped at 63); 0 without GPUs.</summary>
    public static ulong ClassOf(PodShape shape)
    {
        if (shape.IsCpuOnly) return 0;
        if (shape.GpuMilli < GpuDemand.MilliPerGpu) return 1;
        return 1UL << Math.Min(shape.GpuCount, 63);
    }

    private ulong ClassesOn(NodeInfo node)
    {
        if (_classes.TryGetValue(node, out var cached) && cached.Generation == node.Generation) return cached.Classes;
        ulong classes = 0;
        foreach (var p in node.Pods) classes |= ClassOf(PodShape.Of(p));
        _classes.Set(node, (node.Generation, classes));
        return classes;
    }
}
