using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// GPU packing (the FGD artifact's GpuPackingScore): prefer partly used GPUs, then entirely free
/// GPUs on a node already in use, then an idle node. The GPUs the pod would take are the tightest
/// that hold it (ascending free share, as best fit). In integers:
/// <list type="number">
/// <item>only partly used GPUs: <c>max(100 - sum(free_g * 100 / 1000) / 10, 50)</c> over those GPUs;</item>
/// <item>some entirely free GPUs on a node in use: <c>max(50 - freeGpusTaken, 33)</c>;</item>
/// <item>every GPU of the node free (also a node without GPUs): <c>max(33 - freeGpus, freeGpus)</c>.</item>
/// </list>
/// Pods without GPUs score 0 everywhere (ties, broken at random).
/// </summary>
public sealed class GpuPackingScore : IScorePlugin
{
    public const string PluginName = "GpuPackingScore";

    private CurrentPodShape _pod;

    public string Name => PluginName;

    public long Score(PodInfo pod, NodeInfo node)
    {
        var shape = _pod.Of(pod);
        if (shape.IsCpuOnly) return 0;
        const long max = ScoreNormalizer.MaxNodeScore;
        var used = node.GpuUsedMilli;
        int fullyFree = GpuAssignment.FullyFree(used, used.Length);
        if (fullyFree == used.Length) return Math.Max(max / 3 - fullyFree, fullyFree);

        // Take GPUs tightest first (ascending free, lowest index on ties): the artifact's stable sort.
        Span<bool> taken = used.Length <= 128 ? stackalloc bool[used.Length] : new bool[used.Length];
        int needed = shape.GpuCount, freeTaken = 0;
        long freePercent = 0;
        while (needed > 0)
        {
            int pick = -1;
            for (int i = 0; i < used.Length; i++)
            {
                int free = GpuDemand.MilliPerGpu - used[i];
                if (taken[i] || free < shape.GpuMilli) continue;
                if (pick < 0 || free < GpuDemand.MilliPerGpu - used[pick]) pick = i;
            }
            if (pick < 0) return 0;
            taken[pick] = true;
            needed--;
            if (used[pick] == 0) freeTaken++;
            freePercent += (GpuDemand.MilliPerGpu - used[pick]) * 100L / GpuDemand.MilliPerGpu;
        }
        if (freeTaken > 0) return Math.Max(max / 2 - freeTaken, max / 3);
        return Math.Max(max - freePercent / 10, max / 2);
    }
}
