using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Keeps <see cref="ResourceIntegrals"/> current: a pod's requests count from its binding until
/// it finishes or is removed (the node is reserved for it all that time), and a node's
/// allocatable counts while it is Ready. The same, per GPU model, in <see cref="GpuModels"/>.
/// <c>ksim.dev/gpu-milli</c> is left out of the per-resource integrals: nodes advertise it for every
/// GPU while only shares request it, so its ratio would read 0 % on a cluster of busy whole-GPU
/// pods; the per-model view counts whole GPUs and shares together instead.
/// </summary>
internal sealed class AllocationRecorder : IPodWatcher, INodeWatcher
{
    private readonly Simulation _sim;
    private readonly Dictionary<string, ResourceList> _counted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceList> _readyNodes = new(StringComparer.Ordinal);

    public AllocationRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Watch((IPodWatcher)this);
        store.Watch((INodeWatcher)this);
    }

    public ResourceIntegrals Integrals { get; } = new();

    public GpuModelAllocation GpuModels { get; } = new();

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        bool holds = type != WatchEventType.Deleted && pod.IsBound && !pod.IsTerminal;
        bool counted = _counted.ContainsKey(pod.Metadata.Uid);
        if (holds == counted) return;
        Integrals.Advance(_sim.Now);
        GpuModels.Advance(_sim.Now);
        var requests = pod.Requests;
        if (holds)
        {
            foreach (var (name, amount) in requests)
                if (name != ResourceNames.GpuMilli) Integrals.AddRequested(name, amount);
            Integrals.AddRequested(ResourceNames.Pods, 1);
            _counted.Add(pod.Metadata.Uid, requests);
            GpuModels.PodHolds(pod);
        }
        else
        {
            foreach (var (name, amount) in requests)
                if (name != ResourceNames.GpuMilli) Integrals.AddRequested(name, -amount);
            Integrals.AddRequested(ResourceNames.Pods, -1);
            _counted.Remove(pod.Metadata.Uid);
            GpuModels.PodReleases(pod);
        }
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        bool ready = type != WatchEventType.Deleted && node.Status.IsReady();
        if (type != WatchEventType.Deleted) GpuModels.OnNode(node);
        _readyNodes.TryGetValue(node.Name, out var counted);
        var target = ready ? node.Status.Allocatable : null;
        if (ReferenceEquals(counted, target)) return;
        Integrals.Advance(_sim.Now);
        GpuModels.Advance(_sim.Now);
        if (counted is not null)
        {
            foreach (var (name, amount) in counted)
                if (name != ResourceNames.GpuMilli) Integrals.AddAllocatable(name, -amount);
            GpuModels.NodeReady(node, false, counted);
        }
        if (target is not null)
        {
            GpuModels.NodeReady(node, true, target);
            foreach (var (name, amount) in target)
                if (name != ResourceNames.GpuMilli) Integrals.AddAllocatable(name, amount);
            _readyNodes[node.Name] = target;
        }
        else
        {
            _readyNodes.Remove(node.Name);
        }
    }
}
