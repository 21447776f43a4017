using Simulator.Cluster.Api;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>
/// What one training worker holds: how many accelerators it counts as in the throughput table,
/// and what share of their speed it gets. A whole GPU or TPU chip counts as itself at full speed;
/// a fractional GPU (<c>ksim.dev/gpu-milli</c>) counts as one accelerator at milli/1000 of its
/// speed, since it time-shares that GPU with other pods.
/// </summary>
internal readonly record struct WorkerAccelerators(int Count, double Share)
{
    public static readonly WorkerAccelerators None = new(0, 0);

    /// <summary>GPU-equivalents for GPU-hours: whole accelerators, or the fraction of one.</summary>
    public double GpuEquivalents => Count * Share;

    public static WorkerAccelerators Of(Pod pod)
    {
        var requests = pod.Requests;
        long gpus = requests.Get(ResourceNames.NvidiaGpu);
        if (gpus > 0) return new((int)gpus, 1);
        long tpus = requests.Get(ResourceNames.GoogleTpu);
        if (tpus > 0) return new((int)tpus, 1);
        long milli = requests.Get(ResourceNames.GpuMilli);
        return milli > 0 ? new(1, Math.Min(milli, 1000) / 1000.0) : None;
    }
}
