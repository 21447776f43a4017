using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// The scheduler's informer-fed cache: one <see cref="NodeInfo"/> per node with its pods'
/// requests summed incrementally, and the node list in kube-scheduler's order (round-robin across
/// zones, as its node tree lists them). Reports which kind of cluster event each change was, so
/// the queue can wake exactly the pods it may help.
/// </summary>
public sealed class SchedulerCache
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string RegionLabel = "topology.kubernetes.io/region";

    private readonly ResourceIndex _resources;
    private readonly Dictionary<string, NodeInfo> _byName = new(StringComparer.Ordinal);
    private readonly List<NodeInfo> _added = [];
    private readonly List<NodeInfo> _ordered = [];
    private bool _orderStale;
    private readonly Dictionary<string, NodeSnapshot> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PodInfo Info, NodeInfo Node)> _accounted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assumed = new(StringComparer.Ordinal);

    private readonly record struct NodeSnapshot(
        IReadOnlyDictionary<string, string> Labels, IReadOnlyList<Taint> Taints, ResourceList Allocatable, bool Unschedulable);

    public SchedulerCache(ResourceIndex resources) => _resources = resources;

    /// <summary>Cluster-wide counts of accounted pods with pod (anti-)affinity.</summary>
    public PodAffinityTally AffinityTally { get; } = new();

    /// <summary>Nodes in the order the scheduler examines them.</summary>
    public IReadOnlyList<NodeInfo> Nodes
    {
        get
        {
            // Ordered when read, not on every change: registering a cluster's nodes one by one
            // would otherwise rebuild the order once per node (quadratic in the cluster size).
            if (_orderStale) Reorder();
            return _ordered;
        }
    }

    public NodeInfo? Get(string nodeName) => _byName.GetValueOrDefault(nodeName);

    /// <summary>The cached info of a pod the cache accounts on a node.</summary>
    public PodInfo InfoOf(Pod pod) =>
        _accounted.TryGetValue(pod.Key, out var entry) ? entry.Info : new PodInfo(pod, _resources);

    public ClusterEventKind OnNode(WatchEventType type, Node node)
    {
        switch (type)
        {
            case WatchEventType.Added:
                var info = new NodeInfo(node, _resources, AffinityTally);
                _byName[node.Name] = info;
                _added.Add(info);
                _lastSeen[node.Name] = Snapshot(node);
                _orderStale = true;
                return ClusterEventKind.NodeAdd;
            case WatchEventType.Deleted:
                if (_byName.Remove(node.Name, out var gone))
                {
                    _added.Remove(gone);
                    _lastSeen.Remove(node.Name);
                    _orderStale = true;
                }
                return ClusterEventKind.None;
            default:
                if (!_byName.TryGetValue(node.Name, out var existing)) return ClusterEventKind.None;
                var before = _lastSeen[node.Name];
                var after = Snapshot(node);
                _lastSeen[node.Name] = after;
                existing.SetNode(node, _resources);
                var kinds = ClusterEventKind.None;
                if (!ReferenceEquals(before.Labels, after.Labels)) kinds |= ClusterEventKind.NodeLabelChange;
                if (!ReferenceEquals(before.Taints, after.Taints)) kinds |= ClusterEventKind.NodeTaintChange;
                if (!ReferenceEquals(before.Allocatable, after.Allocatable)) kinds |= ClusterEventKind.NodeAllocatableChange;
                if (before.Unschedulable != after.Unschedulable) kinds |= ClusterEventKind.NodeSpecUnschedulableChange;
                if (kinds.HasFlag(ClusterEventKind.NodeLabelChange)) _orderStale = true;
                return kinds;
        }
    }

    /// <summary>Whether the pod is assumed on a node (reserved, not bound yet).</summary>
    public bool IsAssumed(Pod pod) => _assumed.Contains(pod.Key);

    /// <summary>
    /// AssumePod: the scheduler chose <paramref name="node"/> and reserved it, so the pod's
    /// requests count there at once, before (and whether or not) it binds. Binding confirms it;
    /// <see cref="Forget"/> undoes it.
    /// </summary>
    public void Assume(PodInfo info, NodeInfo node)
    {
        var key = info.Pod.Key;
        if (!_assumed.Add(key)) return;
        node.AddPod(info.Pod, info);
        _accounted[key] = (info, node);
    }

    /// <summary>ForgetPod: an assumed pod that will not bind gives its node's resources back. True if it was assumed.</summary>
    public bool Forget(Pod pod)
    {
        var key = pod.Key;
        if (!_assumed.Remove(key)) return false;
        if (_accounted.Remove(key, out var entry)) entry.Node.RemovePod(pod, entry.Info);
        return true;
    }

    /// <summary>Accounts a bound (or assumed), unfinished pod on its node; releases it when it finishes or goes.</summary>
    public ClusterEventKind OnPod(WatchEventType type, Pod pod)
    {
        var key = pod.Key;
        bool bound = type != WatchEventType.Deleted && pod.IsBound;
        bool assumed = false;
        bool confirmed = false;
        if (_assumed.Count > 0)
        {
            // Binding confirms an assumed pod (FinishBinding) and deletion ends it; until then
            // it holds its node by assumption.
            if (bound || type == WatchEventType.Deleted) confirmed = _assumed.Remove(key) && bound;
            else assumed = _assumed.Contains(key);
        }
        bool holdsResources = type != WatchEventType.Deleted && !pod.IsTerminal && (bound || assumed);
        bool accounted = _accounted.TryGetValue(key, out var entry);
        if (holdsResources && !accounted)
        {
            if (!_byName.TryGetValue(pod.Spec.NodeName, out var node)) return ClusterEventKind.None;
            var info = new PodInfo(pod, _resources);
            node.AddPod(pod, info);
            _accounted[key] = (info, node);
            return ClusterEventKind.AssignedPodAdd;
        }
        if (!holdsResources && accounted)
        {
            entry.Node.RemovePod(pod, entry.Info);
            _accounted.Remove(key);
            return ClusterEventKind.AssignedPodDelete;
        }
        // The informer's Add of a bound pod, for one that was assumed until now.
        return confirmed ? ClusterEventKind.AssignedPodAdd : ClusterEventKind.None;
    }

    private static NodeSnapshot Snapshot(Node node) =>
        new(node.Metadata.Labels, node.Spec.Taints, node.Status.Allocatable, node.Spec.Unschedulable);

    /// <summary>
    /// kube-scheduler's nodeTree.list(): zones in order of first appearance, then one node from
    /// each zone in turn, so that sampling a fraction of the nodes spreads over zones.
    /// </summary>
    private void Reorder()
    {
        _orderStale = false;
        var zones = new List<List<NodeInfo>>();
        var zoneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in _added)
        {
            var labels = n.Node.Metadata.Labels;
            var key = labels.GetValueOrDefault(RegionLabel, "") + ":\0:" + labels.GetValueOrDefault(ZoneLabel, "");
            if (!zoneIndex.TryGetValue(key, out var z))
            {
                z = zones.Count;
                zoneIndex.Add(key, z);
                zones.Add([]);
            }
            zones[z].Add(n);
        }
        _ordered.Clear();
        for (int i = 0; _ordered.Count < _added.Count; i++)
        {
            foreach (var zone in zones)
                if (i < zone.Count) _ordered.Add(zone[i]);
        }
    }
}
