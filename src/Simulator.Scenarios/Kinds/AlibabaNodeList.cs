using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The node list of Alibaba's GPU trace 2023 (openb_node_list_*.csv): <c>sn, cpu_milli,
/// memory_mib, gpu, model</c>. Each row becomes a Node whose capacity and allocatable are its
/// CPU, memory and nvidia.com/gpu, labelled <c>nvidia.com/gpu.product: &lt;model&gt;</c> when it
/// has GPUs (the kubelet adds <c>ksim.dev/gpu-milli</c>, 1000 per GPU, when it registers).
/// </summary>
internal static class AlibabaNodeList
{
    public static readonly string[] Columns = ["sn", "cpu_milli", "memory_mib", "gpu", "model"];

    public static List<Node>? Read(string[] lines, string file, SourceField fileField, ScenarioErrors errors)
    {
        var table = TraceCsvTable.Open(lines, file, fileField, errors, Columns);
        if (table is null) return null;
        int before = errors.Count;
        var nodes = new List<Node>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (table.NextRow(before))
        {
            if (Row(table, names) is { } node) nodes.Add(node);
        }
        if (errors.Count == before && nodes.Count == 0)
            errors.At(fileField, $"{file}: has no nodes after the header");
        return errors.Count > before ? null : nodes;
    }

    private static Node? Row(TraceCsvTable table, HashSet<string> names)
    {
        string name = table.Text("sn");
        bool ok = true;
        foreach (var message in KubernetesNames.SubdomainErrors(name))
        {
            table.Error("sn", $"Invalid value: \"{name}\": {message}");
            ok = false;
        }
        if (ok && !names.Add(name))
        {
            table.Error("sn", $"nodes \"{name}\" already exists");
            ok = false;
        }
        var cpu = table.Integer("cpu_milli", 1, long.MaxValue / 1000);
        var memory = table.Integer("memory_mib", 1, long.MaxValue / (1024 * 1024));
        var gpus = table.Integer("gpu", 0, AlibabaPodList.MaxGpus);
        string model = table.Text("model");
        if (gpus > 0 && !LabelValues.IsValid(model))
        {
            table.Error("model", $"must be a GPU model that is a valid label value (nvidia.com/gpu.product) when gpu is more than 0, got \"{model}\"");
            ok = false;
        }
        if (!ok || cpu is null || memory is null || gpus is not { } g) return null;

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [NodeReader.HostnameLabel] = name };
        var resources = new List<(string, long)> { (ResourceNames.Cpu, cpu.Value), (ResourceNames.Memory, memory.Value * 1024 * 1024) };
        if (g > 0)
        {
            labels[AcceleratorLabels.GpuProduct] = model;
            resources.Add((ResourceNames.NvidiaGpu, g));
        }
        var capacity = ResourceList.Of([.. resources]);
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "", Labels = labels },
            Status = new NodeStatus { Capacity = capacity, Allocatable = capacity },
        };
    }
}
