using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Cluster.Scheduling.Queue;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// The kube-scheduler component: watches pods and nodes, queues pods that need a node, and runs
/// one scheduling cycle at a time as engine events. It acts only by writing to the store: a
/// binding, a pod status (PodScheduled=False, nominatedNodeName), events, and victim deletions.
/// <para>
/// A cycle that finds a node runs kube-scheduler's Reserve, assume, Permit, bind. A pod that a
/// Permit plugin holds (Wait) leaves the queue and waits in <see cref="WaitingPods"/>, assumed on
/// its node, until the plugins allow it (it binds then) or one rejects it or its timeout passes:
/// then its reservation is undone (forget, Unreserve in reverse order) and it goes back to the
/// queue with a FailedScheduling event. A profile without Permit plugins binds in the same cycle.
/// </para>
/// </summary>
public sealed class Scheduler : IPodWatcher, INodeWatcher, IObjectWatcher<PodGroup>, IEventHandler, IHousekeeping
{
    public const string ComponentName = "default-scheduler";

    private const long CycleTimer = 0;
    private const long BackoffTimer = 1;
    private const long UnschedulableTimer = 2;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly SchedulerCache _cache;
    private readonly SchedulingQueue _queue;
    private readonly SchedulerProfile _profile;
    private readonly Dictionary<string, ProfileFramework> _frameworks = new(StringComparer.Ordinal);
    private readonly QueueingHints _hints = new();
    private readonly ILogger _log;
    private readonly QueueSettings _settings;
    private readonly WaitingPodMap _waiting = new();
    private readonly Nominator _nominator = new();
    private readonly PreemptionActions _preemption;
    private readonly PermitGate _permit;
    private readonly List<(QueuedPodInfo Pod, NodeInfo Node, Status Status)> _rejected = [];
    private readonly List<(QueuedPodInfo Pod, NodeInfo Node, Status Status)> _requeueing = [];
    private readonly HashSet<string> _rejectedGroups = new(StringComparer.Ordinal);
    private readonly NodeStatusMap _permitStatuses = new();
    private bool _actingOnDecisions;
    private EventHandle _cycleEvent;
    private EventHandle _backoffEvent;
    private EventHandle _unschedulableEvent;

    public Scheduler(ClusterStore store, string profileName = "default", QueueSettings? settings = null, ILogger? logger = null,
        Workloads.Training.ThroughputTable? throughput = null, Fragmentation.TargetWorkload? targetWorkload = null,
        IReadOnlyList<ProfileSpec>? configuredProfiles = null)
    {
        _store = store;
        _sim = store.Simulation;
        _settings = settings ?? new QueueSettings();
        _log = logger ?? NullLogger.Instance;
        Resources = new ResourceIndex();
        _cache = new SchedulerCache(Resources);
        // One framework per schedulerName, all sharing the cache and the queue (so they must share
        // its sort, as kube-scheduler's validation requires).
        var shared = new ProfileContext(Resources, static (_, _) => Status.Success, pod => _cache.InfoOf(pod),
            throughput ?? Workloads.Training.ThroughputTable.Default)
        {
            Store = store,
            WaitingPods = _waiting,
            Random = _sim.Random.Get("scheduler-ties"),
            PreemptionRandom = _sim.Random.Get("scheduler-preemption"),
            TargetWorkload = targetWorkload,
            Nodes = _cache.Nodes,
            AffinityTally = _cache.AffinityTally,
        };
        foreach (var served in ProfileSelection.Resolve(profileName, configuredProfiles ?? []))
        {
            var framework = ProfileFramework.Create(served.Spec, shared, _sim, _nominator, _waiting, ActOnPermitDecisions);
            var profile = framework.Profile;
            if (_frameworks.GetValueOrDefault(ComponentName)?.Profile.QueueSort is { } sort && sort.Name != profile.QueueSort.Name)
                throw new ArgumentException($"profile \"{served.SchedulerName}\" sorts the queue with {profile.QueueSort.Name} but \"{ComponentName}\" with {sort.Name}: queueSort must be the same for all profiles", nameof(configuredProfiles));
            _frameworks.Add(served.SchedulerName, framework);
            foreach (var plugin in profile.Filters.Concat<IPlugin>(profile.PreFilters).Concat(profile.Permits)) _hints.Register(plugin);
        }
        _profile = _frameworks[ComponentName].Profile;
        _queue = new SchedulingQueue(_profile.QueueSort, _settings);
        _permit = _frameworks[ComponentName].Permit;
        _preemption = new PreemptionActions(store, _waiting, _nominator);
        FitChecker = new PodFitChecker(pod => _frameworks.GetValueOrDefault(pod.Spec.SchedulerName)?.Profile, Resources);
        store.Watch((IPodWatcher)this);
        store.Watch((INodeWatcher)this);
        // Only a profile with a plugin that cares (Coscheduling) watches PodGroups, so the default
        // profile's queue never moves on them.
        if ((_hints.Registered & ClusterEventKind.PodGroupChange) != 0) store.PodGroups.Watch(this);
    }

    public ResourceIndex Resources { get; }

    public SchedulerProfile Profile => _profile;

    private ProfileFramework FrameworkOf(Pod pod) => _frameworks[pod.Spec.SchedulerName];

    public SchedulerCache Cache => _cache;

    /// <summary>This scheduler's PreFilter and Filter plugins for hypothetical placements (the Cluster Autoscaler's simulations).</summary>
    public PodFitChecker FitChecker { get; }

    /// <summary>Records what scheduling cycles decide (null, the default: nothing is recorded).</summary>
    public Decisions.IDecisionRecorder? DecisionRecorder
    {
        get => _frameworks[ComponentName].Cycle.Recorder;
        set
        {
            foreach (var framework in _frameworks.Values) framework.Cycle.Recorder = value;
        }
    }

    public SchedulingQueue Queue => _queue;

    /// <summary>Pods held at Permit, assumed on their nodes.</summary>
    public IWaitingPods WaitingPods => _waiting;

    /// <summary>True while only housekeeping timers are armed (nothing can change without a cluster event).</summary>
    public bool IsIdle => !_sim.IsPending(_cycleEvent);

    /// <summary>Periodic queue flush timers currently armed (they keep retrying, but change nothing by themselves).</summary>
    public int ArmedHousekeepingTimers =>
        (_sim.IsPending(_backoffEvent) ? 1 : 0) + (_sim.IsPending(_unschedulableEvent) ? 1 : 0);

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        var kinds = _cache.OnNode(type, node);
        if (kinds != ClusterEventKind.None) MovePods(kinds);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        var kinds = _cache.OnPod(type, pod);
        if (type == WatchEventType.Deleted || pod.IsBound || pod.IsTerminal || pod.IsTerminating)
        {
            _queue.Done(pod.Key);
            // A deleted waiting pod gives its reservation back (the cache already dropped it) and
            // its Permit plugins hear of it through Unreserve.
            if (type == WatchEventType.Deleted) _permit.OnDeleted(pod.Key);
            if (type == WatchEventType.Deleted) _nominator.Remove(pod.Key);
        }
        else if (_frameworks.ContainsKey(pod.Spec.SchedulerName) && !_queue.Contains(pod.Key))
        {
            _queue.Add(new PodInfo(pod, Resources), _sim.Now);
            EnsureCycle();
        }
        if (type == WatchEventType.Added && !pod.IsBound) kinds |= ClusterEventKind.UnscheduledPodAdd & _hints.Registered;
        if (kinds != ClusterEventKind.None) MovePods(kinds);
        ActOnPermitDecisions();
    }

    public void OnObjectEvent(WatchEventType type, PodGroup group)
    {
        // A group that appears or goes changes its members' sort key (its creation time) under
        // Coscheduling, also for members already in the active queue.
        if (type != WatchEventType.Modified) _queue.ResortActive();
        if (type != WatchEventType.Deleted) MovePods(ClusterEventKind.PodGroupChange);
    }

    public void OnEvent(object? state, long arg)
    {
        switch (arg)
        {
            case CycleTimer:
                RunCycle();
                break;
            case BackoffTimer:
                _queue.FlushBackoff(_sim.Now);
                ArmTimers();
                break;
            case UnschedulableTimer:
                _queue.FlushUnschedulable(_sim.Now);
                ArmTimers();
                break;
        }
        EnsureCycle();
    }

    private void MovePods(ClusterEventKind kinds)
    {
        if (_queue.OnClusterEvent(kinds, _sim.Now) > 0)
        {
            ArmTimers();
            EnsureCycle();
        }
    }

    private void EnsureCycle()
    {
        bool work = _queue.ActiveCount > 0 || (_settings.PopFromBackoffQ && _queue.BackoffCount > 0);
        if (work && !_sim.IsPending(_cycleEvent)) _cycleEvent = _sim.ScheduleAfter(SimDuration.Zero, this, null, CycleTimer);
    }

    /// <summary>The backoff flush ticks on whole seconds while pods back off; the pool is checked every 30 s while it holds pods.</summary>
    private void ArmTimers()
    {
        if (!_sim.IsPending(_backoffEvent) && _queue.NextBackoffExpiry() is { } expiry)
        {
            long period = _settings.BackoffFlushPeriod.Microseconds;
            long at = Math.Max(expiry.Microseconds, _sim.Now.Microseconds + 1);
            at = (at + period - 1) / period * period;
            _backoffEvent = _sim.Schedule(new SimTime(at), this, null, BackoffTimer);
        }
        if (!_sim.IsPending(_unschedulableEvent) && _queue.UnschedulableCount > 0)
        {
            long period = _settings.UnschedulableFlushPeriod.Microseconds;
            long at = (_sim.Now.Microseconds / period + 1) * period;
            _unschedulableEvent = _sim.Schedule(new SimTime(at), this, null, UnschedulableTimer);
        }
    }

    private void RunCycle()
    {
        var qpi = _queue.Pop(_sim.Now);
        if (qpi is null) return;
        var pod = qpi.Pod;
        if (_store.GetPod(pod.Key) != pod || pod.IsBound || pod.IsTerminating)
        {
            _queue.Done(pod.Key);
            return;
        }
        qpi.Attempts++;
        var framework = FrameworkOf(pod);
        var result = framework.Cycle.Schedule(qpi.Info, _cache.Nodes, qpi.Attempts, _sim.Now);
        if (!result.Succeeded) HandleFailure(qpi, result, framework);
        else if (Reserve(qpi, result.Node!))
        {
            // Assumed after Reserve, so that what Reserve chose (the GPUs) is what the node accounts.
            _cache.Assume(qpi.Info, result.Node!);
            Permit(qpi, result.Node!);
        }
        // A PostFilter or Permit plugin may have allowed or rejected pods held at Permit.
        ActOnPermitDecisions();
    }

    /// <summary>Permit: bind now, leave the pod waiting, or undo its reservation.</summary>
    private void Permit(QueuedPodInfo qpi, NodeInfo node)
    {
        switch (FrameworkOf(qpi.Pod).Permit.Run(qpi, node, out var rejection))
        {
            case PermitOutcome.Allowed:
                Bind(qpi.Pod, node);
                break;
            case PermitOutcome.Rejected:
                Unassume(qpi, node, rejection);
                break;
            case PermitOutcome.Waiting:
                if (_log.IsEnabled(LogLevel.Information))
                    _log.LogInformation("{Time} {Pod} waits at Permit on {Node}", _sim.Now, qpi.Pod.Key, node.Name);
                break;
        }
    }

    /// <summary>
    /// Acts on what plugins decided about waiting pods, in the order they decided: allowed pods
    /// bind; rejected ones give their reservation back. Unreserve may reject more (a gang's
    /// siblings), so this runs until nothing is left. The freed room then wakes the pods that
    /// wait for it (kube-scheduler: ForgetPod counts as an AssignedPodDelete), before the
    /// rejected pods rejoin the queue, so that they do not wake themselves.
    /// </summary>
    private void ActOnPermitDecisions()
    {
        // Binding and requeueing write to the store, whose watchers (this one too) may call back
        // in here; the outermost call does all the work.
        if (_actingOnDecisions) return;
        _actingOnDecisions = true;
        try
        {
            while (true)
            {
                while (_permit.TryTakeDecision(out var waiting))
                {
                    if (waiting.Decision != PermitDecision.Allowed)
                        Unassume(waiting.Queued, waiting.Node, Status.Unschedulable(waiting.RejectedBy, waiting.Message));
                    else if (_store.GetPod(waiting.Pod.Key) == waiting.Pod && _cache.Get(waiting.Node.Name) == waiting.Node)
                        Bind(waiting.Pod, waiting.Node);
                    else // the pod or its node went while it waited
                        Unassume(waiting.Queued, waiting.Node, Status.Error("", $"node \"{waiting.Node.Name}\" not found"));
                }
                if (_rejected.Count == 0) return;

                // The freed room wakes the pods waiting for it, except the rejected pods' own
                // gangs: what a gang gave back cannot complete it.
                _rejectedGroups.Clear();
                foreach (var (qpi, _, _) in _rejected)
                    if (qpi.Info.PodGroupKey is { } group) _rejectedGroups.Add(group);
                if (_queue.OnClusterEvent(ClusterEventKind.AssignedPodDelete, _sim.Now, _rejectedGroups) > 0) ArmTimers();
                _requeueing.AddRange(_rejected);
                _rejected.Clear();
                foreach (var (qpi, node, status) in _requeueing) RequeueRejected(qpi, node, status);
                _requeueing.Clear();
                EnsureCycle();
            }
        }
        finally
        {
            _actingOnDecisions = false;
        }
    }

    /// <summary>The pod will not bind after all: forget it in the cache, then Unreserve in reverse order.</summary>
    private void Unassume(QueuedPodInfo qpi, NodeInfo node, Status status)
    {
        _cache.Forget(qpi.Pod);
        var reserves = FrameworkOf(qpi.Pod).Profile.Reserves;
        for (int i = reserves.Count - 1; i >= 0; i--) reserves[i].Unreserve(qpi.Info, node);
        _rejected.Add((qpi, node, status));
    }

    /// <summary>
    /// kube-scheduler's failure handling for a pod rejected at Permit: a FitError over the one
    /// node it was assumed on ("0/1 nodes are available: 1 rejected due to timeout ..."), then the
    /// unschedulable pool until an event the rejecting plugin registered for (an error: backoff).
    /// kube-scheduler mostly sends such a pod to backoff instead, because some event happened
    /// while it waited; ksim waits for the next event, so that a gang that just gave its room
    /// back does not take the same room again at once. A pod that is gone is only forgotten.
    /// </summary>
    private void RequeueRejected(QueuedPodInfo qpi, NodeInfo node, Status status)
    {
        var pod = qpi.Pod;
        if (_store.GetPod(pod.Key) != pod || pod.IsBound || pod.IsTerminating) return;
        _permitStatuses.Clear();
        _permitStatuses.Set(node, status);
        string message = status.Code == StatusCode.Error ? string.Join(", ", status.Reasons) : FitError.Message(1, _permitStatuses, "");
        if (status.Code == StatusCode.Error) _queue.AddBackoff(qpi, _sim.Now);
        else _queue.AddUnschedulable(qpi, _hints.For(status.Plugin), _sim.Now);
        ReportFailedScheduling(pod, message);
    }

    /// <summary>The pod's PodScheduled=False condition and the Warning FailedScheduling event, for a pod just requeued.</summary>
    private void ReportFailedScheduling(Pod pod, string message)
    {
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} FailedScheduling {Pod}: {Message}", _sim.Now, pod.Key, message);
        pod.Status.SetCondition(PodConditionType.PodScheduled, ConditionStatus.False, _sim.Now, "Unschedulable", message);
        _store.UpdatePodStatus(pod);
        _store.RecordEvent(EventType.Warning, "FailedScheduling", "Pod", pod.Key, message, pod.Spec.SchedulerName);
        ArmTimers();
    }

    /// <summary>
    /// RunReservePluginsReserve: every Reserve plugin claims its state in order; if one fails, the
    /// ones before it are undone in reverse order and the pod goes back to the queue.
    /// </summary>
    private bool Reserve(QueuedPodInfo qpi, NodeInfo node)
    {
        var info = qpi.Info;
        var reserves = FrameworkOf(qpi.Pod).Profile.Reserves;
        for (int i = 0; i < reserves.Count; i++)
        {
            var status = reserves[i].Reserve(info, node);
            if (status.IsSuccess) continue;
            for (int j = i - 1; j >= 0; j--) reserves[j].Unreserve(info, node);
            qpi.LastFailure = _sim.Now;
            _queue.AddBackoff(qpi, _sim.Now);
            ArmTimers();
            return false;
        }
        return true;
    }

    private void Bind(Pod pod, NodeInfo node)
    {
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} Scheduled {Pod} to {Node}", _sim.Now, pod.Key, node.Name);
        _queue.Done(pod.Key);
        _store.BindPod(pod, node.Name);
        _store.RecordEvent(EventType.Normal, "Scheduled", "Pod", pod.Key,
            $"Successfully assigned {pod.Key} to {node.Name}", pod.Spec.SchedulerName);
    }

    private void HandleFailure(QueuedPodInfo qpi, ScheduleResult result, ProfileFramework framework)
    {
        var pod = qpi.Pod;
        var requeueOn = _hints.ForRejections(framework.Cycle.LastStatuses);

        if (result.PostFilter is { Code: StatusCode.Success } post)
            _preemption.Preempt(qpi, post.NominatedNodeName, framework.Profile.PostFilters.OfType<DefaultPreemption>().FirstOrDefault()?.Victims ?? []);
        else if (framework.Cycle.ClearsNomination)
            _preemption.ClearNomination(pod); // the status update below carries it

        _queue.AddUnschedulable(qpi, requeueOn, _sim.Now);
        ReportFailedScheduling(pod, result.FailureMessage);
    }
}
