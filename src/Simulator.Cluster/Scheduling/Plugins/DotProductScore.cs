using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Dot product (Tetris, as the FGD artifact's DotProductScore runs it in the paper's experiments:
/// dimExtMethod "share", normMethod "max"). Each way the node could hold the pod is a vector
/// (cpuFree, gpuFree) where gpuFree is one partly used GPU with room for a share, or all the
/// entirely free GPUs together (if they hold the pod); the pod is (cpu, share x count). Both are
/// divided by the largest node (<see cref="GpuPolicySpec"/>) and
/// <c>score = (long)(100 * (1 - dot / 2))</c> for the way with the smallest dot product: the
/// artifact prefers the node whose free resources are least aligned with the pod, i.e. the
/// tightest fit. The tightest way is the GPU a share would get from the default best-fit
/// selection, so this policy keeps <see cref="BestFitGpuSelector"/>.
/// </summary>
public sealed class DotProductScore : IScorePlugin
{
    public const string PluginName = "DotProductScore";

    private CurrentPodShape _pod;

    public string Name => PluginName;

    public long Score(PodInfo pod, NodeInfo node)
    {
        var shape = _pod.Of(pod);
        long cpuFree = NodeFragmentation.CpuFree(node);
        if (cpuFree < shape.CpuMilli) return 0;
        long request = (long)shape.GpuMilli * shape.GpuCount;
        long tightest = TightestGpuFree(node.GpuUsedMilli, request);
        if (tightest < 0) return 0;
        double cpu = (double)cpuFree / GpuPolicySpec.MaxCpuMilli * ((double)shape.CpuMilli / GpuPolicySpec.MaxCpuMilli);
        double gpu = (double)tightest / GpuPolicySpec.MaxGpuMilli * ((double)request / GpuPolicySpec.MaxGpuMilli);
        return (long)(ScoreNormalizer.MaxNodeScore * (1.0 - (cpu + gpu) / 2));
    }

    /// <summary>
    /// The smallest free GPU amount among the ways to hold <paramref name="request"/> thousandths:
    /// a partly used GPU with enough room (only for requests under one GPU), or the entirely free
    /// GPUs together; -1 if none holds it.
    /// </summary>
    private static long TightestGpuFree(ReadOnlySpan<int> used, long request)
    {
        long best = -1;
        int fullyFree = 0;
        foreach (var u in used)
        {
            int free = GpuDemand.MilliPerGpu - u;
            if (free == GpuDemand.MilliPerGpu) fullyFree++;
            else if (request < GpuDemand.MilliPerGpu && free >= request && (best < 0 || free < best)) best = free;
        }
        long whole = (long)fullyFree * GpuDemand.MilliPerGpu;
        if (request <= whole && (best < 0 || whole < best)) best = whole;
        return best;
    }
}
