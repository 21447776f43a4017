using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// scheduler-plugins' Coscheduling: the pods labelled <c>scheduling.x-k8s.io/pod-group</c> with
/// a PodGroup's name bind all together (at least <c>minMember</c> of them) or not at all.
/// <list type="bullet">
/// <item>QueueSort: priority, then the group's creation time (a pod's own without a group), then
/// the group's (or pod's) name, so that siblings leave the queue one after another.</item>
/// <item>PreFilter: turns a pod away while its group is missing, has fewer pods than minMember,
/// or is backing off after a failure.</item>
/// <item>Permit: holds each member, assumed on its node, until bound plus waiting members reach
/// minMember; the one that completes the gang allows all the others, so they bind at the same
/// time. A member waits at most the group's scheduleTimeoutSeconds (default 60 s).</item>
/// <item>PostFilter: when a member is turned away and more than 10 % of the gang is missing, the
/// waiting members are rejected (their reservations freed) and the group backs off for
/// <see cref="PodGroupBackoff"/>.</item>
/// <item>Unreserve: one member giving up (timeout, deletion) rejects the waiting others.</item>
/// </list>
/// Pods without the label are not affected.
/// </summary>
public sealed class Coscheduling : IQueueSortPlugin, IPreFilterPlugin, IPostFilterPlugin, IReservePlugin, IPermitPlugin, IEnqueueExtensions
{
    public const string PluginName = "Coscheduling";

    /// <summary>permitWaitingTimeSeconds (apis/config/v1/defaults.go): 60.</summary>
    public static readonly SimDuration DefaultPermitWaitingTime = SimDuration.FromSeconds(60);

    /// <summary>
    /// podGroupBackoffSeconds. scheduler-plugins leaves it off (0) by default. Without it, gangs
    /// that free room for each other retry at once, at the same virtual time, with no end, so
    /// ksim turns it on with a short 3 s.
    /// </summary>
    public static readonly SimDuration PodGroupBackoff = SimDuration.FromSeconds(3);

    private readonly ClusterStore _store;
    private readonly IWaitingPods _waiting;
    private readonly PodGroupMembers _members;
    private readonly Dictionary<string, SimTime> _backedOffUntil = new(StringComparer.Ordinal);

    public Coscheduling(ClusterStore store, IWaitingPods waiting)
    {
        _store = store;
        _waiting = waiting;
        _members = new PodGroupMembers(store);
    }

    public string Name => PluginName;

    /// <summary>
    /// A gang waits for room (a pod finishing, a node arriving or growing), for a missing member,
    /// or for its PodGroup. (scheduler-plugins registers all Pod and PodGroup events; the node
    /// events are added because a gang turned away at Permit was short of room, which a node gives.)
    /// </summary>
    public ClusterEventKind EventsToRegister =>
        ClusterEventKind.UnscheduledPodAdd | ClusterEventKind.AssignedPodDelete | ClusterEventKind.PodGroupChange
        | ClusterEventKind.NodeAdd | ClusterEventKind.NodeAllocatableChange;

    public bool Less(QueuedPodInfo a, QueuedPodInfo b)
    {
        int pa = a.Pod.Spec.Priority, pb = b.Pod.Spec.Priority;
        if (pa != pb) return pa > pb;
        var ta = CreationOf(a.Info);
        var tb = CreationOf(b.Info);
        if (ta != tb) return ta < tb;
        int byName = string.CompareOrdinal(a.Info.PodGroupKey ?? a.Pod.Key, b.Info.PodGroupKey ?? b.Pod.Key);
        if (byName != 0) return byName < 0;
        // Siblings: scheduler-plugins leaves them unordered; ksim keeps queue order, for determinism.
        if (a.Timestamp != b.Timestamp) return a.Timestamp < b.Timestamp;
        return a.Sequence < b.Sequence;
    }

    public Status PreFilter(PodInfo pod)
    {
        if (pod.PodGroupKey is not { } key) return Status.Success;
        if (_store.PodGroups.Get(key) is not { } group)
            return Status.Unresolvable(Name, $"podgroups.scheduling.x-k8s.io \"{pod.PodGroupName}\" not found");
        if (_backedOffUntil.TryGetValue(key, out var until) && _store.Now < until)
            return Status.Unresolvable(Name, $"podGroup {key} failed recently");
        int total = _members.Total(key);
        if (total < group.Spec.MinMember)
            return Status.Unresolvable(Name,
                $"pre-filter pod {pod.Pod.Name} cannot find enough sibling pods, current pods number: {total}, minMember of group: {group.Spec.MinMember}");
        return Status.Success;
    }

    public PostFilterResult PostFilter(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, NodeStatusMap statuses)
    {
        var none = new PostFilterResult(StatusCode.Unschedulable, "", "");
        if (pod.PodGroupKey is not { } key || _store.PodGroups.Get(key) is not { } group) return none;
        int min = group.Spec.MinMember;
        int assigned = _members.Assigned(key) + WaitingSiblings(key);
        if (assigned >= min) return none;
        // If at most 10 % of the gang is missing, later members may still complete it: keep waiting.
        if ((min - assigned) * 10 <= min) return none;
        Reject(key, "optimistic rejection in PostFilter");
        // Backs off only a group that could have run, and only once per failure: a member turned
        // away during the backoff does not extend it.
        if (_members.Total(key) >= min && !(_backedOffUntil.TryGetValue(key, out var until) && _store.Now < until))
            _backedOffUntil[key] = _store.Now + PodGroupBackoff;
        return new PostFilterResult(StatusCode.Unschedulable, "",
            $"PodGroup {key} gets rejected due to Pod {pod.Pod.Name} is unschedulable even after PostFilter");
    }

    public Status Reserve(PodInfo pod, NodeInfo node) => Status.Success;

    public void Unreserve(PodInfo pod, NodeInfo node)
    {
        if (pod.PodGroupKey is { } key) Reject(key, "rejection in Unreserve");
    }

    public PermitResult Permit(PodInfo pod, NodeInfo node)
    {
        if (pod.PodGroupKey is not { } key) return PermitResult.Allow;
        if (_store.PodGroups.Get(key) is not { } group) return PermitResult.Reject("PodGroup not found");
        int assigned = _members.Assigned(key) + WaitingSiblings(key);
        if (assigned + 1 < group.Spec.MinMember)
        {
            // GetWaitTimeDuration: 0 or unset means the plugin's default.
            var timeout = group.Spec.ScheduleTimeoutSeconds is > 0 and var seconds ? SimDuration.FromSeconds(seconds) : DefaultPermitWaitingTime;
            return PermitResult.Wait(timeout);
        }
        var waiting = _waiting.All;
        for (int i = 0; i < waiting.Count; i++)
            if (waiting[i].Info.PodGroupKey == key) waiting[i].Allow(Name);
        return PermitResult.Allow;
    }

    /// <summary>
    /// The group's creation time, so a gang sorts as one unit; a pod's own if it has no group (or
    /// its group does not exist yet: such a pod is turned away at PreFilter anyway).
    /// </summary>
    private SimTime CreationOf(PodInfo pod) =>
        pod.PodGroupKey is { } key && _store.PodGroups.Get(key) is { } group
            ? group.Metadata.CreationTimestamp
            : pod.Pod.Metadata.CreationTimestamp;

    private int WaitingSiblings(string key)
    {
        int n = 0;
        var waiting = _waiting.All;
        for (int i = 0; i < waiting.Count; i++)
            if (waiting[i].Decision == PermitDecision.Pending && waiting[i].Info.PodGroupKey == key) n++;
        return n;
    }

    private void Reject(string key, string message)
    {
        var waiting = _waiting.All;
        for (int i = 0; i < waiting.Count; i++)
            if (waiting[i].Info.PodGroupKey == key) waiting[i].Reject(Name, message);
    }
}
