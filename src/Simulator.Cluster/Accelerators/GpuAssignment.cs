namespace Simulator.Cluster.Accelerators;

/// <summary>
/// Which physical GPUs of a node a pod gets, from the thousandths already used on each GPU.
/// Whole GPUs are only ever entirely free ones, so a 1-GPU pod never lands on a GPU that a
/// share already uses; a share goes to one GPU. Every check here is a plain loop over at most a
/// node's GPUs and allocates nothing; only the chosen indices are a new array.
/// </summary>
public static class GpuAssignment
{
    /// <summary>True if <paramref name="demand"/> fits the first <paramref name="count"/> GPUs of <paramref name="used"/>.</summary>
    public static bool Fits(ReadOnlySpan<int> used, int count, GpuDemand demand)
    {
        if (demand.Whole > 0) return FullyFree(used, count) >= demand.Whole;
        if (demand.Milli > 0) return BestFit(used, count, demand.Milli) >= 0;
        return true;
    }

    /// <summary>Free thousandths over the first <paramref name="count"/> GPUs (the FGD paper's idle GPU milli).</summary>
    public static long TotalFree(ReadOnlySpan<int> used, int count)
    {
        long free = 0;
        for (int i = 0; i < count && i < used.Length; i++) free += GpuDemand.MilliPerGpu - used[i];
        return free;
    }

    /// <summary>GPUs with nothing on them.</summary>
    public static int FullyFree(ReadOnlySpan<int> used, int count)
    {
        int free = 0;
        for (int i = 0; i < count && i < used.Length; i++)
            if (used[i] == 0) free++;
        return free;
    }

    /// <summary>
    /// The scheduler's choice: whole GPUs are the lowest-indexed entirely free ones; a share goes
    /// to the best fit, the GPU with the least free thousandths that still holds it (lowest index
    /// on ties), which keeps emptier GPUs whole for larger shares and whole-GPU pods. Null if it
    /// does not fit.
    /// </summary>
    public static int[]? Choose(ReadOnlySpan<int> used, int count, GpuDemand demand)
    {
        if (demand.Whole > 0) return LowestFree(used, count, demand.Whole);
        if (demand.Milli > 0) return BestFit(used, count, demand.Milli) is var gpu and >= 0 ? [gpu] : null;
        return [];
    }

    /// <summary>
    /// For a pod placed without the scheduler (spec.nodeName), as a device plugin hands out
    /// devices: whole GPUs as above, a share on the first GPU it fits. Null if it does not fit.
    /// </summary>
    public static int[]? FirstFit(ReadOnlySpan<int> used, int count, GpuDemand demand)
    {
        if (demand.Whole > 0) return LowestFree(used, count, demand.Whole);
        if (demand.Milli == 0) return [];
        for (int i = 0; i < count && i < used.Length; i++)
            if (GpuDemand.MilliPerGpu - used[i] >= demand.Milli) return [i];
        return null;
    }

    /// <summary>The best-fit GPU for a share of <paramref name="milli"/>, or -1.</summary>
    public static int BestFit(ReadOnlySpan<int> used, int count, int milli)
    {
        int best = -1, bestFree = int.MaxValue;
        for (int i = 0; i < count && i < used.Length; i++)
        {
            int free = GpuDemand.MilliPerGpu - used[i];
            if (free >= milli && free < bestFree)
            {
                best = i;
                bestFree = free;
            }
        }
        return best;
    }

    /// <summary>
    /// The pod's GPUs as pods.csv shows them: whole GPUs as their indices joined by ';' ("0;1"), a
    /// share as index:thousandths ("3:500"); empty without GPUs.
    /// </summary>
    public static string Describe(Api.Pod pod)
    {
        var gpus = pod.Status.AssignedGpus;
        if (gpus.Length == 0) return "";
        var demand = GpuDemand.Of(pod);
        var text = string.Join(';', gpus);
        return demand.IsShare ? text + ":" + demand.Milli.ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
    }

    private static int[]? LowestFree(ReadOnlySpan<int> used, int count, int whole)
    {
        if (FullyFree(used, count) < whole) return null;
        var chosen = new int[whole];
        int n = 0;
        for (int i = 0; n < whole; i++)
            if (used[i] == 0) chosen[n++] = i;
        return chosen;
    }
}
