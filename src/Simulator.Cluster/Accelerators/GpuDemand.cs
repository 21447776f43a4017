using Simulator.Cluster.Api;

namespace Simulator.Cluster.Accelerators;

/// <summary>
/// What a pod asks of a node's physical GPUs: <see cref="Whole"/> entire GPUs
/// (<c>nvidia.com/gpu</c>) or a <see cref="Milli"/> share of one GPU (<c>ksim.dev/gpu-milli</c>,
/// the Alibaba 2023 trace's gpu_milli). Validation forbids asking for both; if a pod built in code
/// does, the whole GPUs win.
/// </summary>
public readonly record struct GpuDemand(int Whole, int Milli)
{
    /// <summary>Thousandths in one physical GPU.</summary>
    public const int MilliPerGpu = 1000;

    public static GpuDemand Of(Pod pod)
    {
        long whole = pod.Requests.Get(ResourceNames.NvidiaGpu);
        if (whole > 0) return new GpuDemand((int)Math.Min(whole, int.MaxValue), 0);
        long milli = pod.Requests.Get(ResourceNames.GpuMilli);
        return new GpuDemand(0, (int)Math.Clamp(milli, 0, int.MaxValue));
    }

    public bool IsNone => Whole == 0 && Milli == 0;

    public bool IsShare => Whole == 0 && Milli > 0;

    /// <summary>The thousandths this demand puts on each GPU it is assigned.</summary>
    public int MilliPerAssignedGpu => Whole > 0 ? MilliPerGpu : Milli;

    /// <summary>In GPU units: whole GPUs, or the share as a fraction of one.</summary>
    public long TotalMilli => Whole > 0 ? (long)Whole * MilliPerGpu : Milli;
}
