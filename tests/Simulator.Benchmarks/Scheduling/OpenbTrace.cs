using System.Globalization;
using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>
/// The Alibaba GPU cluster trace (2023, "openb") as API objects: the GPU nodes
/// (openb_node_list_gpu_node.csv: sn, cpu_milli, memory_mib, gpu, model) and the pods
/// (openb_pod_list_default.csv: name, cpu_milli, memory_mib, num_gpu, gpu_milli, gpu_spec, ...),
/// in file order. A node advertises its GPUs as <c>nvidia.com/gpu</c> and
/// <c>ksim.dev/gpu-milli</c> (1000 per GPU, as ksim's kubelet does) and carries its model as
/// <c>nvidia.com/gpu.product</c>. A pod asks for whole GPUs when gpu_milli is 1000, for a share
/// otherwise; a gpu_spec ("V100M16|V100M32") becomes a required node affinity on the model.
/// </summary>
internal static class OpenbTrace
{
    public const string DefaultDirectory = "/work/shared/data/alibaba-gpu-2023";

    /// <summary>The 1,213 GPU nodes, or with <paramref name="cpuNodesToo"/> all 1,523 (openb_node_list_all_node.csv).</summary>
    public static Node[] Nodes(string directory, bool cpuNodesToo = false) =>
        [.. Rows(Path.Combine(directory, cpuNodesToo ? "openb_node_list_all_node.csv" : "openb_node_list_gpu_node.csv")).Select(BuildNode)];

    public static Pod[] Pods(string directory) =>
        [.. Rows(Path.Combine(directory, "openb_pod_list_default.csv")).Select(BuildPod)];

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static Node BuildNode(string[] row)
    {
        long gpus = Long(row[3]);
        var resources = new Dictionary<string, long> { [ResourceNames.Cpu] = Long(row[1]), [ResourceNames.Memory] = Long(row[2]) << 20 };
        if (gpus > 0)
        {
            resources[ResourceNames.NvidiaGpu] = gpus;
            resources[ResourceNames.GpuMilli] = gpus * GpuDemand.MilliPerGpu;
        }
        var allocatable = ResourceList.From(resources);
        var labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = row[0] };
        if (row[4].Length > 0) labels[AcceleratorLabels.GpuProduct] = row[4];
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = row[0],
                Namespace = "",
                Labels = labels,
            },
            Status = new NodeStatus { Capacity = allocatable, Allocatable = allocatable },
        };
    }

    private static Pod BuildPod(string[] row)
    {
        long gpus = Long(row[3]), milli = Long(row[4]);
        var requests = new Dictionary<string, long> { [ResourceNames.Cpu] = Long(row[1]), [ResourceNames.Memory] = Long(row[2]) << 20 };
        if (gpus > 0 && milli >= GpuDemand.MilliPerGpu) requests[ResourceNames.NvidiaGpu] = gpus;
        else if (gpus > 0 && milli > 0) requests[ResourceNames.GpuMilli] = milli;
        var list = ResourceList.From(requests);
        var affinity = row[5].Length == 0
            ? NodeAffinity.None
            : new NodeAffinity([new NodeSelectorTerm([new NodeSelectorRequirement(AcceleratorLabels.GpuProduct, NodeSelectorOperator.In, row[5].Split('|'))], [])], []);
        return new Pod
        {
            Metadata = new ObjectMeta { Name = row[0] },
            Spec = new PodSpec { Containers = [new Container("main", "trace", list, list)], Affinity = affinity },
        };
    }
}
