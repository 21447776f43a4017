using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Store.Admission;
using Simulator.Engine;
using static Simulator.Cluster.Controllers.NodeLifecycleTaints;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's node lifecycle controller. Every node-monitor-period (5 s, on
/// multiples of 5 s of virtual time) a node whose kubelet has been silent for
/// node-monitor-grace-period (50 s) gets Ready=Unknown, <c>node.kubernetes.io/unreachable:NoSchedule</c>
/// at once (<see cref="NodeHealthUpdater"/>) and, through a per-zone rate-limited queue
/// (<see cref="NoExecuteTainter"/>), <c>node.kubernetes.io/unreachable:NoExecute</c>,
/// which the taint eviction controller turns into pod deletions. A kubelet back makes the node
/// Ready, and the taints go.
/// <para>
/// Zones follow kube's disruption rules (<see cref="NodeLifecycleZones"/>): a zone with no Ready
/// node keeps the normal rate (0.1 node/s); one with ≥ 55 % (and more than two) of its nodes not
/// Ready slows to 0.01/s, or stops if the zone has 50 nodes or fewer (kube passes the zone's size,
/// though the flag's help speaks of the cluster); if every zone is dark, kube blames itself, lifts
/// the NoExecute taints and evicts nothing ("master disruption mode").
/// </para>
/// <para>
/// On purpose unlike kube: silence is read from <see cref="NodeStatus.HeartbeatStoppedAt"/> (no
/// leases) as <c>now − HeartbeatStoppedAt ≥ grace</c>, and the node is queued for its NoExecute taint
/// in the pass that marks it Unknown (kube, acting on the condition it read before the pass,
/// queues it one pass later), so the taint lands 50–55 s after the kubelet stopped (fact 9).
/// Passes run only while some node needs one: over healthy nodes they change nothing.
/// </para>
/// </summary>
public sealed class NodeLifecycleController : INodeWatcher, IEventHandler, IHousekeeping
{
    public const string ComponentName = "node-controller";

    /// <summary>kube's labelNodeDisruptionExclusion: such nodes do not count towards a zone's health.</summary>
    public const string ExcludeDisruptionLabel = "node.kubernetes.io/exclude-disruption";

    public static readonly Taint UnreachableNoSchedule = new(DefaultTolerationSeconds.UnreachableTaint, "", TaintEffect.NoSchedule);
    public static readonly Taint UnreachableNoExecute = new(DefaultTolerationSeconds.UnreachableTaint, "", TaintEffect.NoExecute);
    public static readonly Taint NotReadyNoSchedule = new(DefaultTolerationSeconds.NotReadyTaint, "", TaintEffect.NoSchedule);
    public static readonly Taint NotReadyNoExecute = new(DefaultTolerationSeconds.NotReadyTaint, "", TaintEffect.NoExecute);

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ControllerSettings _settings;
    private readonly Dictionary<string, Entry> _nodes = new(StringComparer.Ordinal);
    private readonly NodeLifecycleZones _zones;
    private readonly NodeHealthUpdater _health;
    private readonly NoExecuteTainter _tainter;
    private readonly List<Entry> _attention = [];
    private EventHandle _monitor;
    private long _nextSeq;
    private bool _inPass;

    private sealed class Entry(Node node, long seq, NodeLifecycleZone zone, bool counted)
    {
        public Node Node { get; set; } = node;
        public long Seq { get; } = seq;
        public NodeLifecycleZone Zone { get; } = zone;
        public bool Counted { get; } = counted;
        public bool NeedsAttention { get; set; }
    }

    public NodeLifecycleController(ClusterStore store, ControllerSettings settings, PodsByNodeIndex pods)
    {
        _store = store;
        _sim = store.Simulation;
        _settings = settings;
        _zones = new NodeLifecycleZones(settings);
        _health = new NodeHealthUpdater(store, settings, pods);
        _tainter = new NoExecuteTainter(store);
        store.Watch(this);
    }

    /// <summary>The monitor pass is housekeeping while it has nothing to do: every node healthy, or evictions stopped.</summary>
    public int ArmedHousekeepingTimers => _sim.IsPending(_monitor) && !HasPendingWork() ? 1 : 0;

    /// <summary>The state of the zone with kube's zone key <paramref name="zoneKey"/> (see <see cref="ZoneKey"/>).</summary>
    public ZoneState StateOf(string zoneKey) => _zones.StateOf(zoneKey);

    /// <summary>kube's nodetopology.GetZoneKey: "region:\0:zone", or "" for a node with neither label.</summary>
    public static string ZoneKey(Node node) => NodeLifecycleZones.ZoneKey(node);

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        switch (type)
        {
            case WatchEventType.Deleted:
                Forget(node);
                return;
            case WatchEventType.Added:
                Register(node);
                break;
        }
        if (!_nodes.TryGetValue(node.Name, out var entry)) entry = Register(node);
        entry.Node = node;
        _health.OnNodeUpdate(node);
        if (NeedsAttention(entry)) Attend(entry);
    }

    public void OnEvent(object? state, long arg) => MonitorNodeHealth();

    // ---- registration ----

    private Entry Register(Node node)
    {
        if (_nodes.TryGetValue(node.Name, out var known)) return known;
        var zone = _zones.GetOrAdd(ZoneKey(node));
        bool counted = !node.Metadata.Labels.ContainsKey(ExcludeDisruptionLabel);
        if (counted) zone.Size++;
        var entry = new Entry(node, _nextSeq++, zone, counted);
        _nodes.Add(node.Name, entry);
        // kube records this when its next monitor pass first sees the node; ksim at once.
        RecordNodeEvent(node, "RegisteredNode", $"Registered Node {node.Name} in Controller");
        return entry;
    }

    private void Forget(Node node)
    {
        if (!_nodes.Remove(node.Name, out var entry)) return;
        if (entry.Counted) entry.Zone.Size--;
        entry.Zone.Remove(node.Name);
        if (entry.NeedsAttention) _attention.Remove(entry);
        RecordNodeEvent(node, "RemovingNode", $"Removing Node {node.Name} from Controller");
    }

    // ---- the monitor pass (monitorNodeHealth) ----

    private void MonitorNodeHealth()
    {
        var now = _sim.Now;
        _inPass = true;
        _attention.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        foreach (var zone in _zones.All) zone.NotReady = 0;

        // Writes below notify watchers at once (this is not inside a notification), and this
        // controller's own handler may add to the attention list: walk a copy.
        foreach (var entry in _attention.ToArray())
        {
            var node = entry.Node;
            _health.Update(node, now);
            _tainter.ProcessTaintBasedEviction(node, entry.Zone);
            if (entry.Counted && ReadyStatus(node) != ConditionStatus.True) entry.Zone.NotReady++;
        }
        HandleDisruption(now);
        foreach (var zone in _zones.All) _tainter.TryTaint(zone);

        _attention.RemoveAll(e =>
        {
            bool keep = NeedsAttention(e);
            e.NeedsAttention = keep;
            return !keep;
        });
        _inPass = false;
        ArmMonitor();
    }

    /// <summary>handleDisruption, with the limiter changes applied here (they re-arm the zones' timers).</summary>
    private void HandleDisruption(SimTime now)
    {
        switch (_zones.HandleDisruption((zone, qps) => _tainter.SetLimiter(zone, qps, now)))
        {
            case DisruptionChange.EnteredMasterDisruption:
                // Every zone is dark: more likely the control plane lost the network than every
                // machine died, so kube evicts nothing and lifts the taints it placed.
                foreach (var entry in _attention.ToArray()) _tainter.MarkAsReachable(entry.Node, entry.Zone);
                break;
            case DisruptionChange.LeftMasterDisruption:
                _health.RestartGracePeriods(now);
                break;
        }
    }

    // ---- attention and the monitor timer ----

    /// <summary>A node the monitor pass has to look at: silent, not Ready, carrying a lifecycle NoExecute taint, or queued.</summary>
    private static bool NeedsAttention(Entry entry)
    {
        var node = entry.Node;
        return node.Status.HeartbeatStoppedAt is not null
            || ReadyStatus(node) != ConditionStatus.True
            || HasTaint(node, UnreachableNoExecute)
            || HasTaint(node, NotReadyNoExecute)
            || entry.Zone.Contains(node.Name);
    }

    private void Attend(Entry entry)
    {
        if (!entry.NeedsAttention)
        {
            entry.NeedsAttention = true;
            _attention.Add(entry);
        }
        ArmMonitor();
    }

    /// <summary>
    /// The pass runs on multiples of node-monitor-period while some node needs it, or while a
    /// zone's state still has to return to Normal.
    /// </summary>
    private void ArmMonitor()
    {
        if (_inPass || _sim.IsPending(_monitor)) return;
        bool needed = _attention.Count > 0;
        foreach (var zone in _zones.All) needed |= zone.Size > 0 && zone.State is not (ZoneState.Normal or ZoneState.Initial);
        if (!needed) return;
        long period = _settings.NodeMonitorPeriod.Microseconds;
        long at = (_sim.Now.Microseconds / period + 1) * period;
        _monitor = _sim.Schedule(new SimTime(at), this);
    }

    /// <summary>
    /// Whether a pass will still change something: a silent node not yet marked Unknown, a node
    /// Ready again that still carries a NoExecute taint, or a queue that can still taint.
    /// </summary>
    private bool HasPendingWork()
    {
        foreach (var entry in _attention)
        {
            var node = entry.Node;
            var ready = ReadyStatus(node);
            if (node.Status.HeartbeatStoppedAt is not null && ready != ConditionStatus.Unknown) return true;
            if (ready == ConditionStatus.True && (HasTaint(node, UnreachableNoExecute) || HasTaint(node, NotReadyNoExecute))) return true;
        }
        foreach (var zone in _zones.All)
            if (zone.HasQueue && zone.Qps > 0) return true;
        return false;
    }

    // ---- events ----

    /// <summary>RecordNodeEvent: "Node n1 event: Registered Node n1 in Controller".</summary>
    private void RecordNodeEvent(Node node, string reason, string message) =>
        _store.RecordEvent(EventType.Normal, reason, "Node", node.Name, $"Node {node.Name} event: {message}", ComponentName);
}
