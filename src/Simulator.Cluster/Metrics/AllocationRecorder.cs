using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Keeps <see cref="ResourceIntegrals"/> current: a pod's requests count from its binding until
/// it finishes or is removed (the node is reserved for it all that time) while its node is
/// Ready, and a node's allocatable counts while it is Ready. Both sides follow the node's
/// readiness, so allocation never passes 100 %: the pods stranded on a dead node leave the
/// numerator with its capacity, and come back with it. The same, per GPU model, in
/// <see cref="GpuModels"/>. <c>ksim.dev/gpu-milli</c> is left out of the per-resource integrals:
/// nodes advertise it for every GPU while only shares request it, so its ratio would read 0 % on a
/// cluster of busy whole-GPU pods; the per-model view counts whole GPUs and shares together instead.
/// </summary>
internal sealed class AllocationRecorder : IPodWatcher, INodeWatcher
{
    private readonly Simulation _sim;
    private readonly Dictionary<string, (ResourceList Requests, string Node)> _counted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _podsByNode = new(StringComparer.Ordinal);
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
        var uid = pod.Metadata.Uid;
        bool counted = _counted.ContainsKey(uid);
        if (holds == counted) return;
        Integrals.Advance(_sim.Now);
        GpuModels.Advance(_sim.Now);
        if (holds)
        {
            var node = pod.Spec.NodeName;
            _counted.Add(uid, (pod.Requests, node));
            if (!_podsByNode.TryGetValue(node, out var pods)) _podsByNode[node] = pods = new HashSet<string>(StringComparer.Ordinal);
            pods.Add(uid);
            if (_readyNodes.ContainsKey(node)) AddRequested(pod.Requests, +1);
            GpuModels.PodHolds(pod);
        }
        else
        {
            _counted.Remove(uid, out var held);
            _podsByNode.GetValueOrDefault(held.Node)?.Remove(uid);
            if (_readyNodes.ContainsKey(held.Node)) AddRequested(held.Requests, -1);
            GpuModels.PodReleases(pod);
        }
    }

    private void AddRequested(ResourceList requests, int sign)
    {
        foreach (var (name, amount) in requests)
            if (name != ResourceNames.GpuMilli) Integrals.AddRequested(name, sign * amount);
        Integrals.AddRequested(ResourceNames.Pods, sign);
    }

    /// <summary>The requests of the pods held on <paramref name="node"/> enter or leave the numerator with it.</summary>
    private void MoveHeldPods(string node, int sign)
    {
        if (!_podsByNode.TryGetValue(node, out var pods)) return;
        foreach (var uid in pods) AddRequested(_counted[uid].Requests, sign);
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
            if (target is null) MoveHeldPods(node.Name, -1);
        }
        if (target is not null)
        {
            GpuModels.NodeReady(node, true, target);
            foreach (var (name, amount) in target)
                if (name != ResourceNames.GpuMilli) Integrals.AddAllocatable(name, amount);
            if (counted is null) MoveHeldPods(node.Name, +1);
            _readyNodes[node.Name] = target;
        }
        else
        {
            _readyNodes.Remove(node.Name);
        }
    }
}
