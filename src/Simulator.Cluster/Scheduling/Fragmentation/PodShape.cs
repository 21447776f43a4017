using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>
/// A pod's shape as the FGD paper classifies pods: CPU, the share of each GPU (thousandths; 1000 =
/// whole GPUs), the GPU count, and the GPU models it may use ("" = any; '|'-separated otherwise,
/// as the Alibaba trace's gpu_spec column writes them). Memory is not part of it: the paper's
/// fragmentation is about GPUs, and a node's memory never decides whether a shape fits there.
/// </summary>
public readonly record struct PodShape(long CpuMilli, int GpuMilli, int GpuCount, string GpuModels)
{
    /// <summary>
    /// The shape of <paramref name="pod"/>: <c>nvidia.com/gpu: k</c> is k GPUs of 1000,
    /// <c>ksim.dev/gpu-milli: m</c> one GPU of m; the models from a <c>nvidia.com/gpu.product</c>
    /// nodeSelector, else from a single required node-affinity term's <c>In</c> on that label.
    /// </summary>
    public static PodShape Of(Pod pod)
    {
        var demand = GpuDemand.Of(pod);
        long cpu = pod.Requests.Get(ResourceNames.Cpu);
        int milli = demand.Whole > 0 ? GpuDemand.MilliPerGpu : demand.Milli;
        int count = demand.Whole > 0 ? demand.Whole : demand.Milli > 0 ? 1 : 0;
        return new PodShape(cpu, milli, count, ModelsOf(pod.Spec));
    }

    /// <summary>True for a shape that asks for no GPU (the paper's CPU-only tasks).</summary>
    public bool IsCpuOnly => GpuCount == 0 || GpuMilli == 0;

    /// <summary>True if a node whose GPU model is <paramref name="nodeModel"/> (null = no GPUs) is one this shape may use.</summary>
    public bool MayUse(string? nodeModel)
    {
        if (GpuModels.Length == 0) return true;
        if (string.IsNullOrEmpty(nodeModel)) return false;
        // Scan the '|'-separated list without splitting it: this runs per node.
        int start = 0;
        while (start <= GpuModels.Length)
        {
            int end = GpuModels.IndexOf('|', start);
            if (end < 0) end = GpuModels.Length;
            if (end - start == nodeModel.Length && string.CompareOrdinal(GpuModels, start, nodeModel, 0, nodeModel.Length) == 0) return true;
            start = end + 1;
        }
        return false;
    }

    private static string ModelsOf(PodSpec spec)
    {
        if (spec.NodeSelector.TryGetValue(AcceleratorLabels.GpuProduct, out var model)) return model;
        if (spec.Affinity.Required is [var term])
            foreach (var r in term.MatchExpressions)
                if (r.Key == AcceleratorLabels.GpuProduct && r.Operator == NodeSelectorOperator.In) return string.Join('|', r.Values);
        return "";
    }
}
