using Simulator.Cluster.Api;
using Simulator.Cluster.Disruption;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// The Cluster Autoscaler (kubernetes/autoscaler's <c>StaticAutoscaler.RunOnce</c>): every
/// scan-interval (10 s) it
/// <list type="number">
/// <item>gives up on requested nodes that have not registered within max-node-provision-time
/// (15 min): the instance is deleted and its node group backs off (<see cref="NodeGroupBackoff"/>);
/// a registered GPU node whose GPUs are still not allocatable by then times out the same way but
/// stays; a scale-up whose nodes all arrive ends the group's backoff;</item>
/// <item>waits one loop while all pending pods are very new (2 s; 30 s if any wants a GPU), as more of
/// the same burst are probably coming;</item>
/// <item>scales up for pods the scheduler marked Unschedulable, unless their priority is below the
/// expendable-pods-priority-cutoff (-10) (<see cref="ScaleUpPlanner"/>);</item>
/// <item>finishes drains in progress (<see cref="ScaleDownActuator"/>);</item>
/// <item>updates which nodes are unneeded (<see cref="ScaleDownPlanner"/>) and, unless it scaled up
/// in this loop or is in cooldown (scale-down-delay-after-add 10 min, -after-delete 0,
/// -after-failure 3 min), removes those unneeded for scale-down-unneeded-time (10 min): empty
/// nodes in bulk, non-empty ones drained one at a time, never below a group's min.</item>
/// </list>
/// A requested node registers after its pool's provisioning delay; a GPU node's GPUs become
/// allocatable after a further delay (the driver and device plugin starting), and until then CA
/// counts it as upcoming. The instance is billed from the request. It acts only on NodePools
/// with <c>spec.autoscaling</c>; without any, it never arms a timer.
/// </summary>
public sealed class ClusterAutoscaler : INodeWatcher, IPodWatcher, IEventHandler, IHousekeeping
{
    public const string ComponentName = "cluster-autoscaler";

    /// <summary>CA records group-level events on its status ConfigMap.</summary>
    public const string StatusKind = "ConfigMap";
    public const string StatusName = "kube-system/cluster-autoscaler-status";

    private const long ScanTimer = 0;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly NodePoolRegistry _pools;
    private readonly MetricsRecorder _metrics;
    private readonly ClusterAutoscalerSettings _settings;
    private readonly ExpanderChain _expanders;
    private readonly NodeProvisioner _provisioner;
    private readonly ScaleUpPlanner _scaleUp;
    private readonly ScaleDownPlanner _scaleDown;
    private readonly ScaleDownActuator _actuator;
    private readonly List<NodeGroup> _groups = [];
    private readonly Dictionary<string, NodeGroup> _groupByPool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _notTriggered = new(StringComparer.Ordinal);
    private EventHandle _scan;
    private SimTime? _lastScaleUp;
    private SimTime? _lastScaleDown;
    private SimTime? _lastScaleDownFailure;
    private bool _busy;
    private int _pendingPods;
    private bool _waitedForNewPods;

    internal ClusterAutoscaler(ClusterStore store, Scheduler scheduler, Kubelets kubelets, NodePoolRegistry pools,
        MetricsRecorder metrics, ClusterAutoscalerSettings settings)
    {
        _store = store;
        _sim = store.Simulation;
        _pools = pools;
        _metrics = metrics;
        _settings = settings;
        _expanders = ExpanderChain.Parse(settings.Expander, _sim.Random.Get("cluster-autoscaler-expander"));
        _provisioner = new NodeProvisioner(store, pools, metrics, settings, pool => _groupByPool.GetValueOrDefault(pool));
        var budgets = new DisruptionBudgets(store);
        _scaleUp = new ScaleUpPlanner(scheduler.FitChecker, scheduler.Cache, scheduler.Resources);
        _scaleDown = new ScaleDownPlanner(scheduler.FitChecker, scheduler.Cache, scheduler.Resources, budgets, settings);
        _actuator = new ScaleDownActuator(store, new NodeActions(store, kubelets, pools), budgets, settings);
        store.Watch((INodeWatcher)this);
    }

    public ClusterAutoscalerSettings Settings => _settings;

    /// <summary>Node groups (NodePools with spec.autoscaling), in the order the scenario lists them.</summary>
    internal IReadOnlyList<NodeGroup> Groups => _groups;

    private int _scaleUps, _nodesRequested, _provisioningTimeouts, _nodesRemoved, _failedDrains;

    /// <summary>What the autoscaler did so far; null when no NodePool has spec.autoscaling.</summary>
    public ClusterAutoscalerSummary? Summarize() =>
        _groups.Count == 0 ? null : new ClusterAutoscalerSummary(
            _scaleUps, _nodesRequested, _provisioner.NodesRegistered, _provisioningTimeouts, _nodesRemoved, _failedDrains,
            _groups.Select(g => new NodeGroupSummary(g.Name, g.Min, g.Max, g.StartSize, g.PeakSize, g.TargetSize)).ToList());

    /// <summary>
    /// Takes the node groups from the registered pools and starts the loop; called once the
    /// scenario's pools and nodes are in. Without an autoscaled pool nothing is armed.
    /// </summary>
    public void Start()
    {
        foreach (var pool in _pools.Pools)
        {
            if (pool.Autoscaling is null || _groupByPool.ContainsKey(pool.Name)) continue;
            var group = new NodeGroup(pool);
            foreach (var node in _pools.NodesOf(pool.Name)) group.Registered.Add(node.Name);
            group.StartSize = group.PeakSize = group.TargetSize;
            _groups.Add(group);
            _groupByPool.Add(pool.Name, group);
        }
        if (_groups.Count == 0 || _sim.IsPending(_scan)) return;
        _scan = _sim.ScheduleAfter(_settings.ScanInterval, this, null, ScanTimer);
        // Until its first loop has looked, the cluster may hold nodes to remove or pods to help.
        _busy = true;
        _store.Watch((IPodWatcher)this);
        foreach (var pod in _store.Pods) OnPodEvent(WatchEventType.Modified, pod);
    }

    /// <summary>
    /// A pod newly marked Unschedulable, or one leaving a node of a node group (it may have left
    /// the node unneeded), is work for the next loop: the run must not end before CA has looked,
    /// whatever the metrics interval at which the run checks for quiescence.
    /// </summary>
    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (_busy) return;
        if (type != WatchEventType.Deleted && IsUnschedulable(pod)) _busy = true;
        else if ((type == WatchEventType.Deleted || pod.IsTerminal) && pod.IsBound && GroupOf(pod.Spec.NodeName) is not null) _busy = true;
    }

    /// <summary>
    /// The scan timer is housekeeping only while the autoscaler has nothing it intends to do: no
    /// pod marked Unschedulable since its last loop, no drain in progress, no unneeded node it may
    /// still remove, no scale-up option it left for a later loop. Provisioning in flight keeps the
    /// run going through its own pending events.
    /// </summary>
    public int ArmedHousekeepingTimers => _sim.IsPending(_scan) && !_busy ? 1 : 0;

    public void OnEvent(object? state, long arg)
    {
        switch (arg)
        {
            case ScanTimer:
                RunOnce(_sim.Now);
                _scan = _sim.ScheduleAfter(_settings.ScanInterval, this, null, ScanTimer);
                break;
        }
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (!_groupByPool.TryGetValue(node.Pool, out var group)) return;
        switch (type)
        {
            case WatchEventType.Added:
                if (!group.Registered.Contains(node.Name)) group.Registered.Add(node.Name);
                // Nodes added outside the autoscaler (a timeline resize) count towards the peak too.
                group.PeakSize = Math.Max(group.PeakSize, group.TargetSize);
                _busy = true; // a new node may be unneeded, or make room: the next loop looks
                break;
            case WatchEventType.Deleted:
                group.Registered.Remove(node.Name);
                group.GpusNotReady.Remove(node.Name);
                group.GpusRequestedAt.Remove(node.Name);
                group.BeingRemoved.Remove(node.Name);
                _scaleDown.Forget(node.Name);
                break;
        }
    }

    private HashSet<string> GpusNotReady()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in _groups) names.UnionWith(group.GpusNotReady);
        return names;
    }

    private NodeGroup? GroupOf(string nodeName) =>
        _store.GetNode(nodeName) is { } node ? _groupByPool.GetValueOrDefault(node.Pool) : null;

    internal void RunOnce(SimTime now)
    {
        _waitedForNewPods = false;
        _provisioningTimeouts += _provisioner.GiveUpLate(_groups, now);
        var plan = ScaleUp(now);
        if (_actuator.Continue(now))
        {
            _lastScaleDownFailure = now;
            _failedDrains++;
        }
        bool mayRemove = false;
        if (_settings.ScaleDownEnabled)
        {
            _scaleDown.Update(GroupOf, GpusNotReady(), now);
            if (plan.Group is null && !_waitedForNewPods && !InCooldown(now)) ScaleDown(now);
            foreach (var name in _scaleDown.UnneededSince.Keys)
                if (GroupOf(name) is { RemovableCount: > 0 }) mayRemove = true;
        }
        // A group backing off will be tried again for the pods still waiting: the run is not over.
        bool retryLater = _pendingPods > 0 && _groups.Any(g => g.Backoff.IsBackedOff(now));
        _busy = _actuator.Drains.Count > 0 || plan.OptionsLeft || mayRemove || retryLater;
    }

    // ---- scale-up ----

    private ScaleUpPlan ScaleUp(SimTime now)
    {
        var pending = UnschedulablePods();
        if (AllPodsAreNew(pending, now))
        {
            // CA waits one loop for more pods of the same burst, and holds scale-down meanwhile.
            _waitedForNewPods = true;
            return new ScaleUpPlan(null, null, [], [], true);
        }
        var plan = pending.Count == 0
            ? new ScaleUpPlan(null, null, [], [], false)
            : _scaleUp.Plan(pending, _groups, _expanders, now);
        foreach (var (pod, message) in plan.NotTriggered)
        {
            // CA repeats the event every loop and the API server folds the repeats into a count;
            // ksim records it once per pod and message.
            if (_notTriggered.GetValueOrDefault(pod.Key) == message) continue;
            _notTriggered[pod.Key] = message;
            _store.RecordEvent(EventType.Normal, "NotTriggerScaleUp", "Pod", pod.Key, message, ComponentName);
        }
        if (_notTriggered.Count > 0) ForgetScheduled(pending);
        if (plan.Group is not { } group || plan.Option is not { } option) return plan;

        int from = group.TargetSize, to = from + option.NodeCount;
        _store.RecordEvent(EventType.Normal, "ScaledUpGroup", StatusKind, StatusName,
            $"Scale-up: setting group {group.Name} size to {to} instead of {from} (max: {group.Max})", ComponentName);
        for (int i = 0; i < option.NodeCount; i++) _provisioner.Request(group, now);
        foreach (var pod in plan.Helped)
        {
            _notTriggered.Remove(pod.Key);
            _store.RecordEvent(EventType.Normal, "TriggeredScaleUp", "Pod", pod.Key,
                $"pod triggered scale-up: [{{{group.Name} {from}->{to} (max: {group.Max})}}]", ComponentName);
        }
        _lastScaleUp = now;
        group.PeakSize = Math.Max(group.PeakSize, group.TargetSize);
        _scaleUps++;
        _nodesRequested += option.NodeCount;
        return plan;
    }

    /// <summary>CA's unschedulablePodTimeBuffer: the oldest pending pod must be 2 s old ...</summary>
    public static readonly SimDuration UnschedulablePodTimeBuffer = SimDuration.FromSeconds(2);

    /// <summary>... and, when any pending pod wants a GPU, the oldest such pod 30 s (unschedulablePodWithGpuTimeBuffer).</summary>
    public static readonly SimDuration UnschedulablePodWithGpuTimeBuffer = SimDuration.FromSeconds(30);

    /// <summary>
    /// CA's allPodsAreNew: pods this young are probably the start of a burst (a Job's or a
    /// Deployment's pods arrive over a few seconds; GPU pods are given longer, as GPU nodes are
    /// expensive), so the loop waits for the rest before choosing how many nodes to add.
    /// </summary>
    private static bool AllPodsAreNew(List<Pod> pending, SimTime now)
    {
        if (pending.Count == 0) return false;
        SimTime oldest = SimTime.MaxValue, oldestGpu = SimTime.MaxValue;
        foreach (var pod in pending)
        {
            var created = pod.Metadata.CreationTimestamp;
            if (created < oldest) oldest = created;
            if (created < oldestGpu && !Accelerators.GpuDemand.Of(pod).IsNone) oldestGpu = created;
        }
        return oldest + UnschedulablePodTimeBuffer > now
            || (oldestGpu != SimTime.MaxValue && oldestGpu + UnschedulablePodWithGpuTimeBuffer > now);
    }

    /// <summary>Pods the scheduler has tried and marked PodScheduled=False, reason Unschedulable, and not nominated to a node (preemption is making room for them).</summary>
    private List<Pod> UnschedulablePods()
    {
        var pods = new List<Pod>();
        // Expendable pods (priority below the cutoff) may wait: CA never adds a node for them.
        foreach (var pod in _store.Pods)
            if (IsUnschedulable(pod) && pod.Spec.Priority >= _settings.ExpendablePodsPriorityCutoff) pods.Add(pod);
        _pendingPods = pods.Count;
        return pods;
    }

    private static bool IsUnschedulable(Pod pod) =>
        !pod.IsBound && !pod.IsTerminal && !pod.IsTerminating && pod.Status.NominatedNodeName.Length == 0
        && pod.Status.GetCondition(PodConditionType.PodScheduled) is { Status: ConditionStatus.False, Reason: "Unschedulable" };

    private void ForgetScheduled(List<Pod> pending)
    {
        var still = new HashSet<string>(pending.Select(p => p.Key), StringComparer.Ordinal);
        foreach (var key in _notTriggered.Keys.Where(k => !still.Contains(k)).ToList()) _notTriggered.Remove(key);
    }

    // ---- scale-down ----

    private bool InCooldown(SimTime now) =>
        (_lastScaleUp is { } up && now < up + _settings.ScaleDownDelayAfterAdd)
        || (_lastScaleDown is { } down && now < down + _settings.ScaleDownDelayAfterDelete)
        || (_lastScaleDownFailure is { } failure && now < failure + _settings.ScaleDownDelayAfterFailure);

    private void ScaleDown(SimTime now)
    {
        var eligible = new List<(string Name, SimTime Since)>();
        foreach (var (name, since) in _scaleDown.UnneededSince)
        {
            var node = _store.GetNode(name);
            if (node is null) continue;
            var wait = node.Status.IsReady() ? _settings.ScaleDownUnneededTime : _settings.ScaleDownUnreadyTime;
            if (now - since >= wait) eligible.Add((name, since));
        }
        if (eligible.Count == 0) return;
        eligible.Sort(static (a, b) => a.Since != b.Since ? a.Since.CompareTo(b.Since) : string.CompareOrdinal(a.Name, b.Name));

        int budget = _settings.MaxScaleDownParallelism - _actuator.Drains.Count;
        int drainSlots = _settings.MaxDrainParallelism - _actuator.Drains.Count;
        int removed = 0;
        // Empty nodes first, in bulk; then non-empty ones, drained.
        foreach (bool empty in (bool[])[true, false])
        {
            foreach (var (name, _) in eligible)
            {
                if (budget <= 0) break;
                var node = _store.GetNode(name);
                var group = GroupOf(name);
                if (node is null || group is null || group.RemovableCount <= 0 || group.BeingRemoved.Contains(name)) continue;
                var pods = _scaleDown.PodsToMove(name);
                if ((pods.Count == 0) != empty) continue;
                if (empty) _actuator.DeleteEmpty(node, group);
                else if (drainSlots-- > 0) _actuator.StartDrain(node, group, pods, _scaleDown.UtilizationOf(name), now);
                else continue;
                _scaleDown.Forget(name);
                budget--;
                removed++;
            }
        }
        if (removed == 0) return;
        _lastScaleDown = now;
        _nodesRemoved += removed;
    }
}
