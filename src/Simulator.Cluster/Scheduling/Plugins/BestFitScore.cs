using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Best fit (the FGD artifact's BestFitScore): the node left with the least CPU and GPU once the
/// pod is placed. Raw score, with CPU and GPU weighted 1/2 each and normalised by the largest node
/// (<see cref="GpuPolicySpec"/>):
/// <c>(long)(100 * (1 - ((cpuFree - cpu) / 128000 * 0.5 + (gpuFree - gpu) / 8000 * 0.5)))</c>,
/// with gpuFree the node's free thousandths over all its GPUs and gpu the pod's (share x count);
/// then min-max normalised over the feasible nodes (<see cref="ScoreNormalizer.MinMax"/>).
/// </summary>
public sealed class BestFitScore : IScorePlugin, IScoreExtensions
{
    public const string PluginName = "BestFitScore";

    private CurrentPodShape _pod;

    public string Name => PluginName;

    public long Score(PodInfo pod, NodeInfo node) => ScoreOf(_pod.Of(pod), node);

    /// <summary>The raw score of a pod of <paramref name="shape"/> on <paramref name="node"/>.</summary>
    public static long ScoreOf(PodShape shape, NodeInfo node)
    {
        double cpuLeft = NodeFragmentation.CpuFree(node) - shape.CpuMilli;
        double gpuLeft = GpuAssignment.TotalFree(node.GpuUsedMilli, node.GpuCount) - (long)shape.GpuMilli * shape.GpuCount;
        double leftover = cpuLeft / GpuPolicySpec.MaxCpuMilli * 0.5 + gpuLeft / GpuPolicySpec.MaxGpuMilli * 0.5;
        return (long)((1.0 - leftover) * ScoreNormalizer.MaxNodeScore);
    }

    public void NormalizeScore(PodInfo pod, Span<long> scores) => ScoreNormalizer.MinMax(scores);
}
