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
    private readonly Dictionary<string, (string Model, long Milli, string Node)> _counted = new(StringComparer.Ordinal);

    // Idle GPUs: on each Ready node, its GPUs not held by its pods (never below 0: pods still bound
    // to a node that went NotReady hold no Ready GPU), integrated over time.
    private readonly Dictionary<string, long> _readyMilli = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _heldByNode = new(StringComparer.Ordinal);
    private long _idleNow;
    private Int128 _idleIntegral;
    private Engine.SimTime _idleSince;

    /// <summary>Requested = allocated thousandths, allocatable = thousandths on Ready nodes, per model.</summary>
    public ResourceIntegrals Integrals { get; } = new();

    /// <summary>Brings both the per-model integrals and the idle integral up to <paramref name="now"/>; call before a change.</summary>
    public void Advance(Engine.SimTime now)
    {
        Integrals.Advance(now);
        long dt = (now - _idleSince).Microseconds;
        if (dt > 0) _idleIntegral += (Int128)_idleNow * dt;
        _idleSince = now;
    }

    /// <summary>∫ Σ over Ready nodes of max(0, GPUs − GPUs held by the node's pods) dt, in thousandths × microseconds, up to the last <see cref="Advance"/>.</summary>
    public Int128 IdleIntegral => _idleIntegral;

    /// <summary>Thousandths of a GPU of <paramref name="model"/> held by pods on <paramref name="node"/>.</summary>
    private long HeldOn(string node, string model)
    {
        long total = 0;
        foreach (var (m, milli, n) in _counted.Values)
            if (n == node && m == model) total += milli;
        return total;
    }

    private long IdleOf(string node) =>
        _readyMilli.TryGetValue(node, out var ready) ? Math.Max(0, ready - _heldByNode.GetValueOrDefault(node)) : 0;

    private void ChangeNode(string node, Action change)
    {
        _idleNow -= IdleOf(node);
        change();
        _idleNow += IdleOf(node);
    }

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
        bool wasReady = _readyMilli.ContainsKey(node.Name);
        Integrals.AddAllocatable(model, ready ? milli : -milli);
        // The GPUs its pods hold count as allocated only while the node is Ready, as its GPUs do.
        if (ready != wasReady) Integrals.AddRequested(model, (ready ? 1 : -1) * HeldOn(node.Name, model));
        ChangeNode(node.Name, () =>
        {
            if (ready) _readyMilli[node.Name] = milli;
            else _readyMilli.Remove(node.Name);
        });
    }

    public void PodHolds(Pod pod)
    {
        var demand = GpuDemand.Of(pod);
        if (demand.IsNone || !_modelByNode.TryGetValue(pod.Spec.NodeName, out var model)) return;
        if (_readyMilli.ContainsKey(pod.Spec.NodeName)) Integrals.AddRequested(model, demand.TotalMilli);
        _counted[pod.Metadata.Uid] = (model, demand.TotalMilli, pod.Spec.NodeName);
        ChangeNode(pod.Spec.NodeName, () => _heldByNode[pod.Spec.NodeName] = _heldByNode.GetValueOrDefault(pod.Spec.NodeName) + demand.TotalMilli);
    }

    public void PodReleases(Pod pod)
    {
        if (!_counted.Remove(pod.Metadata.Uid, out var held)) return;
        if (_readyMilli.ContainsKey(held.Node)) Integrals.AddRequested(held.Model, -held.Milli);
        ChangeNode(held.Node, () => _heldByNode[held.Node] -= held.Milli);
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
