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
    private readonly Dictionary<string, NodeSnapshot> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PodInfo Info, NodeInfo Node)> _accounted = new(StringComparer.Ordinal);

    private readonly record struct NodeSnapshot(
        IReadOnlyDictionary<string, string> Labels, IReadOnlyList<Taint> Taints, ResourceList Allocatable, bool Unschedulable);

    public SchedulerCache(ResourceIndex resources) => _resources = resources;

    /// <summary>Nodes in the order the scheduler examines them.</summary>
    public IReadOnlyList<NodeInfo> Nodes => _ordered;

    public NodeInfo? Get(string nodeName) => _byName.GetValueOrDefault(nodeName);

    /// <summary>The cached info of a pod the cache accounts on a node.</summary>
    public PodInfo InfoOf(Pod pod) =>
        _accounted.TryGetValue(pod.Key, out var entry) ? entry.Info : new PodInfo(pod, _resources);

    public ClusterEventKind OnNode(WatchEventType type, Node node)
    {
        switch (type)
        {
            case WatchEventType.Added:
                var info = new NodeInfo(node, _resources);
                _byName[node.Name] = info;
                _added.Add(info);
                _lastSeen[node.Name] = Snapshot(node);
                Reorder();
                return ClusterEventKind.NodeAdd;
            case WatchEventType.Deleted:
                if (_byName.Remove(node.Name, out var gone))
                {
                    _added.Remove(gone);
                    _lastSeen.Remove(node.Name);
                    Reorder();
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
                if (kinds.HasFlag(ClusterEventKind.NodeLabelChange)) Reorder();
                return kinds;
        }
    }

    /// <summary>Accounts a bound, unfinished pod on its node; releases it when it finishes or goes.</summary>
    public ClusterEventKind OnPod(WatchEventType type, Pod pod)
    {
        bool holdsResources = type != WatchEventType.Deleted && pod.IsBound && !pod.IsTerminal;
        bool accounted = _accounted.TryGetValue(pod.Key, out var entry);
        if (holdsResources && !accounted)
        {
            if (!_byName.TryGetValue(pod.Spec.NodeName, out var node)) return ClusterEventKind.None;
            var info = new PodInfo(pod, _resources);
            node.AddPod(pod, info);
            _accounted[pod.Key] = (info, node);
            return ClusterEventKind.None;
        }
        if (!holdsResources && accounted)
        {
            entry.Node.RemovePod(pod, entry.Info);
            _accounted.Remove(pod.Key);
            return ClusterEventKind.AssignedPodDelete;
        }
        return ClusterEventKind.None;
    }

    private static NodeSnapshot Snapshot(Node node) =>
        new(node.Metadata.Labels, node.Spec.Taints, node.Status.Allocatable, node.Spec.Unschedulable);

    /// <summary>
    /// kube-scheduler's nodeTree.list(): zones in order of first appearance, then one node from
    /// each zone in turn, so that sampling a fraction of the nodes spreads over zones.
    /// </summary>
    private void Reorder()
    {
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
