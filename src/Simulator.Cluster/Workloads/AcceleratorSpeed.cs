using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// How fast a GPU model serves a request relative to the reference accelerator (an NVIDIA V100),
/// for pods that request <c>nvidia.com/gpu</c>: their <c>ksim.dev/request-cost</c> is the cost on a
/// V100, divided by this factor on the GPU the pod landed on (read from the node's
/// accelerator label, <see cref="AcceleratorLabels.AcceleratorOf(Node)"/>).
/// <para>
/// The factors are the geometric means, over Gavel's 26 job types, of single-GPU throughput
/// relative to a V100 (Narayanan et al., OSDI '20, isolated_throughputs_steps_per_sec.csv):
/// K80 0.297, P100 0.943. Models outside that table count as the reference. Serving has one
/// factor per GPU model because a request has no model name; training jobs look up their own
/// model in the full throughput table instead (<see cref="Training.ThroughputTable"/>).
/// </para>
/// </summary>
public static class AcceleratorSpeed
{
    public const string ProductLabel = AcceleratorLabels.GpuProduct;

    private static readonly (string Model, double Factor)[] Table =
    [
        ("K80", 0.297),
        ("P100", 0.943),
        ("V100", 1.0),
    ];

    /// <summary>The factor for a GPU product label such as "Tesla-V100-SXM2-16GB"; 1 if unknown.</summary>
    public static double ForProduct(string? product)
    {
        if (string.IsNullOrEmpty(product)) return 1.0;
        foreach (var (model, factor) in Table)
            if (product.Contains(model, StringComparison.OrdinalIgnoreCase)) return factor;
        return 1.0;
    }

    /// <summary>1 for a pod without GPUs (whole or a share); otherwise the factor of its node's GPU model.</summary>
    public static double For(Pod pod, Node? node) =>
        node is not null && (pod.Requests.Get(ResourceNames.NvidiaGpu) > 0 || pod.Requests.Get(ResourceNames.GpuMilli) > 0)
            ? ForProduct(AcceleratorLabels.AcceleratorOf(node))
            : 1.0;
}
