using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Constants and per-pod state shared by the FGD paper's GPU-sharing score plugins.
/// </summary>
public static class GpuPolicySpec
{
    /// <summary>
    /// The artifact's normalisation constants (MaxSpecCpu, MaxSpecGpu): the largest node of the
    /// Alibaba cluster, 128 vCPUs and 8 GPUs, in thousandths. Best fit, dot product and GPU
    /// clustering divide by them, so a score means the same on every node.
    /// </summary>
    public const long MaxCpuMilli = 128_000;

    /// <inheritdoc cref="MaxCpuMilli"/>
    public const long MaxGpuMilli = 8_000;
}

/// <summary>The shape of the pod being scheduled, computed once per pod rather than once per node.</summary>
internal struct CurrentPodShape
{
    private PodInfo? _pod;
    private PodShape _shape;

    public PodShape Of(PodInfo pod)
    {
        if (!ReferenceEquals(pod, _pod))
        {
            _shape = PodShape.Of(pod.Pod);
            _pod = pod;
        }
        return _shape;
    }
}
