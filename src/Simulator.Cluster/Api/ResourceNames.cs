namespace Simulator.Cluster.Api;

/// <summary>Resource names ksim knows by name. Any other name is an extended resource.</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Pods = "pods";
    public const string NvidiaGpu = "nvidia.com/gpu";
    public const string GoogleTpu = "google.com/tpu";

    /// <summary>ksim's share of one GPU in thousandths (the Alibaba trace's gpu_milli).</summary>
    public const string GpuMilli = "ksim.dev/gpu-milli";

    /// <summary>
    /// Extended resources (anything outside the kubernetes.io namespace that is not cpu, memory,
    /// storage or hugepages) are integers and are never overcommitted.
    /// </summary>
    public static bool IsExtended(string name) =>
        name is not (Cpu or Memory or EphemeralStorage or Pods) &&
        !name.StartsWith("hugepages-", StringComparison.Ordinal) &&
        name.Contains('/', StringComparison.Ordinal) &&
        !name.StartsWith("kubernetes.io/", StringComparison.Ordinal);
}
