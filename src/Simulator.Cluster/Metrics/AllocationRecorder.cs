using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Keeps <see cref="ResourceIntegrals"/> current: a pod's requests count from its binding until
/// it finishes or is removed (the node is reserved for it all that time), and a node's
/// allocatable counts while it is Ready.
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

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        bool holds = type != WatchEventType.Deleted && pod.IsBound && !pod.IsTerminal;
        bool counted = _counted.ContainsKey(pod.Metadata.Uid);
        if (holds == counted) return;
        Integrals.Advance(_sim.Now);
        var requests = pod.Requests;
        if (holds)
        {
            foreach (var (name, amount) in requests) Integrals.AddRequested(name, amount);
            Integrals.AddRequested(ResourceNames.Pods, 1);
            _counted.Add(pod.Metadata.Uid, requests);
        }
        else
        {
            foreach (var (name, amount) in requests) Integrals.AddRequested(name, -amount);
            Integrals.AddRequested(ResourceNames.Pods, -1);
            _counted.Remove(pod.Metadata.Uid);
        }
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        bool ready = type != WatchEventType.Deleted && node.Status.IsReady();
        _readyNodes.TryGetValue(node.Name, out var counted);
        var target = ready ? node.Status.Allocatable : null;
        if (ReferenceEquals(counted, target)) return;
        Integrals.Advance(_sim.Now);
        if (counted is not null)
            foreach (var (name, amount) in counted) Integrals.AddAllocatable(name, -amount);
        if (target is not null)
        {
            foreach (var (name, amount) in target) Integrals.AddAllocatable(name, amount);
            _readyNodes[node.Name] = target;
        }
        else
        {
            _readyNodes.Remove(node.Name);
        }
    }
}
