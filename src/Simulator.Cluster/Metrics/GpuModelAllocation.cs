using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// GPUs allocated and present per GPU model (the node's accelerator label), in thousandths of a
/// GPU so that whole GPUs and ksim.dev/gpu-milli shares add up exactly: a pod counts its GPUs on
/// its node's model from binding until it finishes, a Ready node its GPUs. A model stays in the
/// time series once seen (at 0 when its nodes are gone), so its columns span the whole run.
/// </summary>
internal sealed class GpuModelAllocation
{
    /// <summary>The model of GPU nodes without an accelerator label.</summary>
    public const string Unlabeled = "unlabeled";

    private readonly Dictionary<string, string> _modelByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Model, long Milli)> _counted = new(StringComparer.Ordinal);

    /// <summary>Requested = allocated thousandths, allocatable = thousandths on Ready nodes, per model.</summary>
    public ResourceIntegrals Integrals { get; } = new();

    /// <summary>Remembers the node's model; a node without GPUs has none.</summary>
    public void OnNode(Node node)
    {
        if (node.Status.Allocatable.Get(ResourceNames.NvidiaGpu) <= 0) return;
        var model = AcceleratorLabels.AcceleratorOf(node) ?? Unlabeled;
        if (_modelByNode.TryAdd(node.Name, model)) Integrals.AddAllocatable(model, 0);
        else _modelByNode[node.Name] = model;
    }

    public void NodeReady(Node node, bool ready, ResourceList allocatable)
    {
        if (!_modelByNode.TryGetValue(node.Name, out var model)) return;
        long milli = allocatable.Get(ResourceNames.NvidiaGpu) * GpuDemand.MilliPerGpu;
        Integrals.AddAllocatable(model, ready ? milli : -milli);
    }

    public void PodHolds(Pod pod)
    {
        var demand = GpuDemand.Of(pod);
        if (demand.IsNone || !_modelByNode.TryGetValue(pod.Spec.NodeName, out var model)) return;
        Integrals.AddRequested(model, demand.TotalMilli);
        _counted[pod.Metadata.Uid] = (model, demand.TotalMilli);
    }

    public void PodReleases(Pod pod)
    {
        if (!_counted.Remove(pod.Metadata.Uid, out var held)) return;
        Integrals.AddRequested(held.Model, -held.Milli);
    }

    /// <summary>Per model: time-integral of allocated GPUs over time-integral of GPUs on Ready nodes, up to <paramref name="now"/>.</summary>
    public IReadOnlyDictionary<string, double> Ratios(Engine.SimTime now)
    {
        Integrals.Advance(now);
        return Integrals.Ratios();
    }

    /// <summary>Allocated and total GPUs per model now, ordinal order of model.</summary>
    public IReadOnlyDictionary<string, GpuModelSample> Now()
    {
        var requested = Integrals.RequestedNow();
        var total = Integrals.AllocatableNow();
        var samples = new SortedDictionary<string, GpuModelSample>(StringComparer.Ordinal);
        foreach (var (model, milli) in total) samples[model] = new GpuModelSample(requested.GetValueOrDefault(model), milli);
        return samples;
    }
}

/// <summary>One GPU model at one sampling instant: thousandths of a GPU allocated to pods and present on Ready nodes.</summary>
public readonly record struct GpuModelSample(long AllocatedMilli, long TotalMilli);
