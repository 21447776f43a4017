using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Fragmentation;

namespace Simulator.Cluster.Workloads.Traces;

/// <summary>
/// One row of the Alibaba GPU 2023 pod list (Weng et al., ATC '23): requests, the share of each
/// GPU (<see cref="GpuMilli"/>, thousandths: 1000 = whole GPUs), the GPU models it may use, and
/// when the pod was created and deleted in the trace (seconds).
/// </summary>
public sealed record TracePod
{
    public required string Name { get; init; }
    public long CpuMilli { get; init; }
    public long MemoryMib { get; init; }

    /// <summary>num_gpu: 0 for a CPU-only pod.</summary>
    public int GpuCount { get; init; }

    /// <summary>gpu_milli: the share of each of its GPUs; below 1000 only with one GPU.</summary>
    public int GpuMilli { get; init; }

    /// <summary>gpu_spec split at '|': the GPU models the pod may run on; empty = any.</summary>
    public IReadOnlyList<string> GpuModels { get; init; } = [];

    public long CreationSeconds { get; init; }
    public long DeletionSeconds { get; init; }

    /// <summary>The pod's GPU request in thousandths of a GPU: num_gpu x gpu_milli.</summary>
    public long TotalGpuMilli => (long)GpuCount * GpuMilli;

    /// <summary>The shape FGD's target workload counts.</summary>
    public PodShape Shape => new(CpuMilli, GpuMilli, GpuCount, string.Join('|', GpuModels));

    /// <summary>
    /// The pod as Kubernetes sees it: a share of one GPU is a <c>ksim.dev/gpu-milli</c> request,
    /// whole GPUs an <c>nvidia.com/gpu</c> request (requests = limits, as extended resources
    /// require), and gpu_spec a required node affinity on <c>nvidia.com/gpu.product In [...]</c>.
    /// It runs until deleted and is scheduled by default-scheduler.
    /// </summary>
    public Pod ToPod(string name)
    {
        var resources = new List<(string, long)> { (ResourceNames.Cpu, CpuMilli), (ResourceNames.Memory, MemoryMib * 1024 * 1024) };
        if (GpuCount > 0 && GpuMilli < GpuDemand.MilliPerGpu) resources.Add((ResourceNames.GpuMilli, GpuMilli));
        else if (GpuCount > 0) resources.Add((ResourceNames.NvidiaGpu, GpuCount));
        var requests = ResourceList.Of([.. resources]);
        var affinity = GpuModels.Count == 0
            ? NodeAffinity.None
            : new NodeAffinity(
                [new NodeSelectorTerm([new NodeSelectorRequirement(AcceleratorLabels.GpuProduct, NodeSelectorOperator.In, GpuModels)], [])],
                []);
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new PodSpec
            {
                Containers = [new Container("main", "alibaba-gpu-trace", requests, requests)],
                Affinity = affinity,
            },
        };
    }
}
