using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>
/// FGD's measure of how much of a node's idle GPU capacity the target workload cannot use, in GPU
/// thousandths: for each shape, the idle milli that shape could not use (all of it when the shape
/// does not fit the node at all, otherwise the idle milli of GPUs with less free share than the
/// shape needs), weighted by the shape's frequency and summed.
/// <para>
/// Formula (Weng et al., ATC'23, section 4; the artifact's NodeGpuShareFragAmountScore), for a
/// node with free CPU c and free thousandths f_1..f_n on its GPUs, idle = sum f_i:
/// F(node) = sum over shapes s of w_s * F_s, where F_s is
/// idle if s asks for no GPU (a CPU-only task can use none of the idle GPUs), if s may not use the
/// node's GPU model, if c &lt; s.cpu, or if fewer than s.count GPUs have f_i &gt;= s.milli;
/// otherwise sum of f_i over the GPUs with f_i &lt; s.milli (the GPUs too full for s).
/// Memory is not part of it, as in the paper.
/// </para>
/// Everything here works on spans and allocates nothing unless a node has more than 128 GPUs.
/// </summary>
public static class NodeFragmentation
{
    private const int StackGpus = 128;

    /// <summary>The node's fragmentation for <paramref name="workload"/>, in GPU thousandths.</summary>
    public static double Of(NodeInfo node, TargetWorkload workload)
    {
        var shapes = workload.Shapes as WeightedShape[] ?? [.. workload.Shapes];
        Span<bool> access = shapes.Length <= StackGpus ? stackalloc bool[shapes.Length] : new bool[shapes.Length];
        Access(ModelOf(node), shapes, access);
        return Of(CpuFree(node), node.GpuUsedMilli, shapes, access);
    }

    /// <summary>
    /// The fragmentation of a node state: <paramref name="cpuFree"/> milli-CPU free and
    /// <paramref name="usedMilli"/> used on each GPU; <paramref name="access"/>[k] says whether
    /// shape k may use the node's GPU model (<see cref="Access"/>).
    /// </summary>
    public static double Of(long cpuFree, ReadOnlySpan<int> usedMilli, ReadOnlySpan<WeightedShape> shapes, ReadOnlySpan<bool> access)
    {
        long idle = 0;
        foreach (var used in usedMilli) idle += GpuDemand.MilliPerGpu - used;
        if (idle == 0) return 0;
        double total = 0;
        for (int k = 0; k < shapes.Length; k++)
            total += shapes[k].Weight * ForShape(cpuFree, usedMilli, idle, shapes[k].Shape, access[k]);
        return total;
    }

    /// <summary>F_s: the idle thousandths <paramref name="shape"/> cannot use on the node.</summary>
    public static long ForShape(long cpuFree, ReadOnlySpan<int> usedMilli, long idle, PodShape shape, bool mayUse)
    {
        if (shape.IsCpuOnly || !mayUse || cpuFree < shape.CpuMilli) return idle;
        int fitting = 0;
        long tooFull = 0;
        foreach (var used in usedMilli)
        {
            int free = GpuDemand.MilliPerGpu - used;
            if (free >= shape.GpuMilli) fitting++;
            else tooFull += free;
        }
        return fitting >= shape.GpuCount ? tooFull : idle;
    }

    /// <summary>Which shapes may use a node of GPU model <paramref name="nodeModel"/> (null = a node without GPUs).</summary>
    public static void Access(string? nodeModel, ReadOnlySpan<WeightedShape> shapes, Span<bool> access)
    {
        for (int k = 0; k < shapes.Length; k++) access[k] = shapes[k].Shape.MayUse(nodeModel);
    }

    /// <summary>Milli-CPU not requested by the node's pods.</summary>
    public static long CpuFree(NodeInfo node) => node.Allocatable(ResourceIndex.Cpu) - node.Requested(ResourceIndex.Cpu);

    /// <summary>The node's GPU model as the paper matches it (the <c>nvidia.com/gpu.product</c> label), or null.</summary>
    public static string? ModelOf(NodeInfo node) => AcceleratorLabels.GpuModelOf(node.Node);

    /// <summary>
    /// The least fragmentation the node can be left with once <paramref name="pod"/> is placed on
    /// it, and where: a share may go to any GPU with room (each distinct free amount is tried, the
    /// lowest index wins ties); whole GPUs go to the lowest-indexed entirely free GPUs (which free
    /// GPUs does not change the fragmentation); a CPU-only pod changes only the free CPU.
    /// <paramref name="shareGpu"/> is the chosen GPU for a share, -1 otherwise. Returns
    /// <see cref="double.PositiveInfinity"/> if the pod does not fit the GPUs.
    /// </summary>
    public static double LeastAfter(NodeInfo node, PodShape pod, ReadOnlySpan<WeightedShape> shapes, ReadOnlySpan<bool> access, out int shareGpu)
    {
        shareGpu = -1;
        long cpuAfter = CpuFree(node) - pod.CpuMilli;
        var used = node.GpuUsedMilli;
        if (pod.IsCpuOnly) return Of(cpuAfter, used, shapes, access);

        int n = used.Length;
        Span<int> after = n <= StackGpus ? stackalloc int[n] : new int[n];
        used.CopyTo(after);
        if (pod.GpuMilli >= GpuDemand.MilliPerGpu)
        {
            int placed = 0;
            for (int i = 0; i < n && placed < pod.GpuCount; i++)
            {
                if (used[i] != 0) continue;
                after[i] = GpuDemand.MilliPerGpu;
                placed++;
            }
            return placed < pod.GpuCount ? double.PositiveInfinity : Of(cpuAfter, after, shapes, access);
        }

        double best = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            if (GpuDemand.MilliPerGpu - used[i] < pod.GpuMilli || SeenBefore(used, i)) continue;
            after[i] += pod.GpuMilli;
            double f = Of(cpuAfter, after, shapes, access);
            after[i] -= pod.GpuMilli;
            if (f < best)
            {
                best = f;
                shareGpu = i;
            }
        }
        return best;
    }

    /// <summary>GPUs with the same used thousandths leave the node in the same state, so only the first is tried.</summary>
    private static bool SeenBefore(ReadOnlySpan<int> used, int i)
    {
        for (int j = 0; j < i; j++)
            if (used[j] == used[i]) return true;
        return false;
    }
}
