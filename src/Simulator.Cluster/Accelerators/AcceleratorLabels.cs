using Simulator.Cluster.Api;

namespace Simulator.Cluster.Accelerators;

/// <summary>
/// A node's accelerator identity, read from the labels the ecosystem already puts on nodes:
/// NVIDIA's GPU feature discovery sets <c>nvidia.com/gpu.product</c>, GKE sets
/// <c>cloud.google.com/gke-accelerator</c> on GPU nodes and <c>cloud.google.com/gke-tpu-accelerator</c>
/// with <c>cloud.google.com/gke-tpu-topology</c> on TPU nodes. The count comes from allocatable
/// <c>nvidia.com/gpu</c> (the device plugin's resource) or <c>google.com/tpu</c> (chips).
/// </summary>
public static class AcceleratorLabels
{
    public const string GpuProduct = "nvidia.com/gpu.product";
    public const string GkeAccelerator = "cloud.google.com/gke-accelerator";
    public const string TpuAccelerator = "cloud.google.com/gke-tpu-accelerator";
    public const string TpuTopology = "cloud.google.com/gke-tpu-topology";

    /// <summary>
    /// The raw accelerator label of <paramref name="node"/>: the GPU product (NVIDIA's label
    /// first, GKE's otherwise) or the TPU accelerator; null for a node without one. Callers
    /// that need a throughput-table row resolve it with <c>ThroughputTable.ResolveAccelerator</c>.
    /// </summary>
    public static string? AcceleratorOf(Node node) => AcceleratorOf(node.Metadata.Labels);

    /// <inheritdoc cref="AcceleratorOf(Node)"/>
    public static string? AcceleratorOf(IReadOnlyDictionary<string, string> labels)
    {
        if (labels.TryGetValue(GpuProduct, out var product) && product.Length > 0) return product;
        if (labels.TryGetValue(GkeAccelerator, out var gke) && gke.Length > 0) return gke;
        if (labels.TryGetValue(TpuAccelerator, out var tpu) && tpu.Length > 0) return tpu;
        return null;
    }

    /// <summary>The GPU model of a node that has GPUs (allocatable <c>nvidia.com/gpu</c> &gt; 0), or null.</summary>
    public static string? GpuModelOf(Node node) =>
        node.Status.Allocatable.Get(ResourceNames.NvidiaGpu) > 0 ? AcceleratorOf(node) : null;

    /// <summary>Whole accelerators on the node: allocatable GPUs, else TPU chips; 0 for a CPU-only node.</summary>
    public static int AcceleratorCount(Node node)
    {
        long gpus = node.Status.Allocatable.Get(ResourceNames.NvidiaGpu);
        long count = gpus > 0 ? gpus : node.Status.Allocatable.Get(ResourceNames.GoogleTpu);
        return (int)Math.Clamp(count, 0, int.MaxValue);
    }

    /// <summary>True for a TPU host: it has TPU chips or GKE's TPU accelerator label.</summary>
    public static bool IsTpu(IReadOnlyDictionary<string, string> labels, ResourceList allocatable) =>
        allocatable.Get(ResourceNames.GoogleTpu) > 0 || labels.ContainsKey(TpuAccelerator);
}
