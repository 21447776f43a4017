using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Queue;

/// <summary>
/// kube-scheduler's PriorityQueue: an active queue ordered by the profile's QueueSort plugin, a
/// backoff queue ordered by backoff expiry, and the unschedulable pool. Pods leave the pool when a
/// cluster event their rejecting plugins registered for happens, or after
/// <see cref="QueueSettings.MaxInUnschedulablePods"/> (5 min).
/// <para>
/// Heap entries are removed lazily: each entry remembers the pod's version at insertion, and an
/// entry whose pod has since moved (or been deleted) is dropped when it surfaces.
/// </para>
/// </summary>
public sealed class SchedulingQueue
{
    private readonly PriorityQueue<Entry, Entry> _active;
    private readonly PriorityQueue<Entry, Entry> _backoff;
    private readonly Dictionary<string, QueuedPodInfo> _unschedulable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedPodInfo> _all = new(StringComparer.Ordinal);
    private readonly QueueSettings _settings;
    private readonly List<QueuedPodInfo> _moving = [];
    private int _activeCount;
    private int _backoffCount;
    private long _sequence;

    private readonly record struct Entry(QueuedPodInfo Pod, int Version);

    public SchedulingQueue(IQueueSortPlugin sort, QueueSettings settings)
    {
        _settings = settings;
        _active = new PriorityQueue<Entry, Entry>(Comparer<Entry>.Create((a, b) =>
            sort.Less(a.Pod, b.Pod) ? -1 : sort.Less(b.Pod, a.Pod) ? 1 : 0));
        _backoff = new PriorityQueue<Entry, Entry>(Comparer<Entry>.Create((a, b) =>
        {
            int c = BackoffExpiry(a.Pod).CompareTo(BackoffExpiry(b.Pod));
            return c != 0 ? c : a.Pod.Sequence.CompareTo(b.Pod.Sequence);
        }));
    }

    public int ActiveCount => _activeCount;

    public int BackoffCount => _backoffCount;

    public int UnschedulableCount => _unschedulable.Count;

    /// <summary>Every pod the queue holds, wherever it is.</summary>
    public int Count => _all.Count;

    public bool Contains(string podKey) => _all.ContainsKey(podKey);

    /// <summary>A new pod: straight to the active queue.</summary>
    public QueuedPodInfo Add(PodInfo info, SimTime now)
    {
        var qpi = new QueuedPodInfo(info, now, ++_sequence);
        _all[info.Pod.Key] = qpi;
        PushActive(qpi, now);
        return qpi;
    }

    /// <summary>
    /// Rebuilds the active heap after the sort plugin's keys changed for pods already in it (a
    /// PodGroup created or deleted changes its members' place under Coscheduling). A heap whose
    /// keys change under it no longer pops in order; this costs O(n log n) and runs only then.
    /// </summary>
    public void ResortActive()
    {
        if (_active.Count == 0) return;
        var entries = new List<Entry>(_active.Count);
        foreach (var (entry, _) in _active.UnorderedItems) entries.Add(entry);
        _active.Clear();
        foreach (var entry in entries) _active.Enqueue(entry, entry);
    }

    /// <summary>The next pod to schedule, or null. With <see cref="QueueSettings.PopFromBackoffQ"/>, a backing-off pod is taken when nothing is active.</summary>
    public QueuedPodInfo? Pop(SimTime now)
    {
        while (_active.TryDequeue(out var e, out _))
        {
            if (!IsLive(e, QueueLocation.Active)) continue;
            _activeCount--;
            return Take(e.Pod);
        }
        if (!_settings.PopFromBackoffQ) return null;
        while (_backoff.TryDequeue(out var e, out _))
        {
            if (!IsLive(e, QueueLocation.Backoff)) continue;
            _backoffCount--;
            return Take(e.Pod);
        }
        return null;
    }

    /// <summary>
    /// After a failed attempt: into the unschedulable pool, remembering which events may help.
    /// The pod stays known to the queue until it is bound or deleted.
    /// </summary>
    public void AddUnschedulable(QueuedPodInfo qpi, ClusterEventKind requeueOn, SimTime now)
    {
        qpi.LastFailure = now;
        qpi.RequeueOn = requeueOn;
        qpi.QueueVersion++;
        qpi.Location = QueueLocation.Unschedulable;
        _unschedulable[qpi.Pod.Key] = qpi;
    }

    /// <summary>After an error (not a rejection): retry after backoff.</summary>
    public void AddBackoff(QueuedPodInfo qpi, SimTime now)
    {
        qpi.LastFailure = now;
        PushBackoff(qpi);
    }

    /// <summary>The pod was bound or deleted: forget it.</summary>
    public void Done(string podKey)
    {
        if (!_all.Remove(podKey, out var qpi)) return;
        if (qpi.Location == QueueLocation.Active) _activeCount--;
        else if (qpi.Location == QueueLocation.Backoff) _backoffCount--;
        _unschedulable.Remove(podKey);
        qpi.Location = QueueLocation.None;
        qpi.QueueVersion++;
    }

    /// <summary>MoveAllToActiveOrBackoffQueue for one event: moves the pods whose rejecting plugins registered for it.</summary>
    public int OnClusterEvent(ClusterEventKind kind, SimTime now)
    {
        _moving.Clear();
        foreach (var qpi in _unschedulable.Values)
            if ((qpi.RequeueOn & kind) != 0) _moving.Add(qpi);
        MoveFromPool(now);
        return _moving.Count;
    }

    /// <summary>
    /// As <see cref="OnClusterEvent(ClusterEventKind, SimTime)"/>, but pods of the given pod
    /// groups stay: room that a gang gave back cannot complete that same gang.
    /// </summary>
    public int OnClusterEvent(ClusterEventKind kind, SimTime now, IReadOnlyCollection<string> exceptPodGroups)
    {
        _moving.Clear();
        foreach (var qpi in _unschedulable.Values)
        {
            if ((qpi.RequeueOn & kind) == 0) continue;
            if (qpi.Info.PodGroupKey is { } group && exceptPodGroups.Contains(group)) continue;
            _moving.Add(qpi);
        }
        MoveFromPool(now);
        return _moving.Count;
    }

    /// <summary>flushUnschedulablePodsLeftover: pods that have waited in the pool for too long.</summary>
    public int FlushUnschedulable(SimTime now)
    {
        _moving.Clear();
        foreach (var qpi in _unschedulable.Values)
            if (now - qpi.LastFailure >= _settings.MaxInUnschedulablePods) _moving.Add(qpi);
        MoveFromPool(now);
        return _moving.Count;
    }

    /// <summary>flushBackoffQCompleted: pods whose backoff has expired go to the active queue.</summary>
    public void FlushBackoff(SimTime now)
    {
        while (_backoff.TryPeek(out var e, out _))
        {
            if (!IsLive(e, QueueLocation.Backoff))
            {
                _backoff.Dequeue();
                continue;
            }
            if (BackoffExpiry(e.Pod) > now) break;
            _backoff.Dequeue();
            _backoffCount--;
            PushActive(e.Pod, now);
        }
    }

    /// <summary>The earliest backoff expiry among backing-off pods, if any.</summary>
    public SimTime? NextBackoffExpiry()
    {
        while (_backoff.TryPeek(out var e, out _))
        {
            if (IsLive(e, QueueLocation.Backoff)) return BackoffExpiry(e.Pod);
            _backoff.Dequeue();
        }
        return null;
    }

    /// <summary>min(initial * 2^(attempts-1), max): 1 s, 2 s, 4 s, 8 s, 10 s, 10 s...</summary>
    public SimDuration BackoffDuration(int attempts)
    {
        long us = _settings.InitialBackoff.Microseconds;
        long max = _settings.MaxBackoff.Microseconds;
        for (int i = 1; i < attempts && us < max; i++) us *= 2;
        return new SimDuration(Math.Min(us, max));
    }

    public SimTime BackoffExpiry(QueuedPodInfo qpi) => qpi.LastFailure + BackoffDuration(Math.Max(qpi.Attempts, 1));

    private void MoveFromPool(SimTime now)
    {
        // Deterministic order: the pool is a dictionary, so sort what moves by arrival sequence.
        _moving.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (var qpi in _moving)
        {
            _unschedulable.Remove(qpi.Pod.Key);
            if (BackoffExpiry(qpi) > now) PushBackoff(qpi);
            else PushActive(qpi, now);
        }
    }

    private void PushActive(QueuedPodInfo qpi, SimTime now)
    {
        qpi.Timestamp = now;
        qpi.QueueVersion++;
        qpi.Location = QueueLocation.Active;
        var e = new Entry(qpi, qpi.QueueVersion);
        _active.Enqueue(e, e);
        _activeCount++;
    }

    private void PushBackoff(QueuedPodInfo qpi)
    {
        qpi.QueueVersion++;
        qpi.Location = QueueLocation.Backoff;
        var e = new Entry(qpi, qpi.QueueVersion);
        _backoff.Enqueue(e, e);
        _backoffCount++;
    }

    private static bool IsLive(Entry e, QueueLocation where) =>
        e.Pod.Location == where && e.Pod.QueueVersion == e.Version;

    private static QueuedPodInfo Take(QueuedPodInfo qpi)
    {
        qpi.Location = QueueLocation.None;
        qpi.QueueVersion++;
        return qpi;
    }
}
