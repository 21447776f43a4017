using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's taint eviction controller (the NoExecuteTaintManager). For each
/// pod bound to a node with NoExecute taints: a taint the pod does not tolerate gets it deleted
/// at once; if it tolerates them all, it is deleted after the smallest tolerationSeconds among
/// the tolerations used, counted from when the controller first saw it under those taints;
/// tolerations without a limit keep it forever. Taints going away, or the pod going, cancel the
/// deletion.
/// <para>
/// Deletion is an ordinary delete request: the pod gets its deletionTimestamp and its kubelet
/// stops it. On a dead node no kubelet confirms, so the pod stays Terminating (its controller
/// already creates a replacement, as terminating pods do not count) until the node comes back or
/// its Node object is deleted and the pod garbage collector removes it.
/// </para>
/// <para>
/// ksim leaves finished and already terminating pods alone: there is nothing left to stop, and a
/// finished pod stays for its owner (a Job) to read.
/// </para>
/// </summary>
public sealed class TaintEvictionController : IPodWatcher, INodeWatcher, IEventHandler
{
    public const string ComponentName = "taint-eviction-controller";

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly PodsByNodeIndex _pods;
    private readonly Dictionary<string, IReadOnlyList<Taint>> _noExecute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Taint>> _seenTaints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScheduledEviction> _scheduled = new(StringComparer.Ordinal);

    /// <summary>A pending deletion (kube's TimedWorker): when it was decided, and when it fires.</summary>
    private sealed class ScheduledEviction(Pod pod, SimTime createdAt, SimTime dueAt)
    {
        public Pod Pod { get; } = pod;
        public SimTime CreatedAt { get; } = createdAt;
        public SimTime DueAt { get; } = dueAt;
        public EventHandle Timer { get; set; }
    }

    public TaintEvictionController(ClusterStore store, PodsByNodeIndex pods)
    {
        _store = store;
        _sim = store.Simulation;
        _pods = pods;
        store.Watch((INodeWatcher)this);
        store.Watch((IPodWatcher)this);
    }

    /// <summary>When the pod with <paramref name="podKey"/> is due to be deleted, if a deletion is scheduled.</summary>
    public SimTime? ScheduledDeletion(string podKey) => _scheduled.TryGetValue(podKey, out var e) ? e.DueAt : null;

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type == WatchEventType.Deleted)
        {
            // The pods go with the node (pod GC); their pending deletions are cancelled then.
            _noExecute.Remove(node.Name);
            _seenTaints.Remove(node.Name);
            return;
        }
        // The node's taint list is replaced, never edited in place, whenever it changes.
        if (_seenTaints.TryGetValue(node.Name, out var seen) && ReferenceEquals(seen, node.Spec.Taints)) return;
        _seenTaints[node.Name] = node.Spec.Taints;
        var taints = NoExecuteTaints(node.Spec.Taints);
        var old = _noExecute.GetValueOrDefault(node.Name) ?? [];
        if (SameTaints(old, taints)) return;
        if (taints.Count == 0) _noExecute.Remove(node.Name);
        else _noExecute[node.Name] = taints;
        foreach (var pod in _pods.Snapshot(node.Name)) ProcessPodOnNode(pod, taints);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (type == WatchEventType.Deleted)
        {
            _bound.Remove(pod.Key);
            CancelWithEvent(pod);
            return;
        }
        // kube reacts to a pod only when it lands on a node (or its tolerations change, which
        // ksim's pods never do); status updates do not matter.
        if (!pod.IsBound || !_bound.Add(pod.Key)) return;
        if (_noExecute.TryGetValue(pod.Spec.NodeName, out var taints)) ProcessPodOnNode(pod, taints);
    }

    public void OnEvent(object? state, long arg)
    {
        var eviction = (ScheduledEviction)state!;
        _scheduled.Remove(eviction.Pod.Key);
        Evict(eviction.Pod);
    }

    /// <summary>processPodOnNode.</summary>
    private void ProcessPodOnNode(Pod pod, IReadOnlyList<Taint> taints)
    {
        if (taints.Count == 0)
        {
            CancelWithEvent(pod);
            return;
        }
        if (pod.IsTerminal || pod.IsTerminating) return;
        var now = _sim.Now;
        if (MinTolerationTime(taints, pod.Spec.Tolerations) is not { } min)
        {
            // A NoExecute taint the pod does not tolerate: out at once.
            CancelWithEvent(pod);
            Evict(pod);
            return;
        }
        if (min < SimDuration.Zero)
        {
            CancelWithEvent(pod);
            return;
        }
        if (_scheduled.TryGetValue(pod.Key, out var existing))
        {
            // kube keeps a deletion decided earlier rather than pushing it back.
            if (existing.CreatedAt < now) return;
            _sim.Cancel(existing.Timer);
            _scheduled.Remove(pod.Key);
        }
        if (min == SimDuration.Zero)
        {
            Evict(pod);
            return;
        }
        var eviction = new ScheduledEviction(pod, now, now + min);
        eviction.Timer = _sim.Schedule(eviction.DueAt, this, eviction);
        _scheduled.Add(pod.Key, eviction);
    }

    /// <summary>
    /// GetMatchingTolerations plus getMinTolerationTime: null if some taint is not tolerated;
    /// otherwise the smallest tolerationSeconds (negative ones count as 0) among the first
    /// toleration matching each taint, or a negative duration if none of them has a limit.
    /// </summary>
    internal static SimDuration? MinTolerationTime(IReadOnlyList<Taint> taints, IReadOnlyList<Toleration> tolerations)
    {
        long? min = null;
        foreach (var taint in taints)
        {
            Toleration? used = null;
            foreach (var t in tolerations)
            {
                if (!t.Tolerates(taint)) continue;
                used = t;
                break;
            }
            if (used is null) return null;
            if (used.TolerationSeconds is { } s) min = Math.Min(min ?? long.MaxValue, Math.Max(0, s));
        }
        return min is { } seconds ? SimDuration.FromSeconds(seconds) : new SimDuration(-1);
    }

    private void Evict(Pod pod)
    {
        if (_store.GetPod(pod.Key) != pod || pod.IsTerminal || pod.IsTerminating) return;
        _store.RecordEvent(EventType.Normal, "TaintManagerEviction", "Pod", pod.Key, $"Marking for deletion Pod {pod.Key}", ComponentName);
        _store.DeletePod(pod);
    }

    /// <summary>cancelWorkWithEvent: only a deletion still pending is cancelled, and says so.</summary>
    private void CancelWithEvent(Pod pod)
    {
        if (!_scheduled.Remove(pod.Key, out var eviction)) return;
        _sim.Cancel(eviction.Timer);
        _store.RecordEvent(EventType.Normal, "TaintManagerEviction", "Pod", pod.Key, $"Cancelling deletion of Pod {pod.Key}", ComponentName);
    }

    private static IReadOnlyList<Taint> NoExecuteTaints(IReadOnlyList<Taint> taints)
    {
        List<Taint>? result = null;
        foreach (var t in taints)
            if (t.Effect == TaintEffect.NoExecute) (result ??= []).Add(t);
        return result ?? (IReadOnlyList<Taint>)[];
    }

    private static bool SameTaints(IReadOnlyList<Taint> a, IReadOnlyList<Taint> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
}
