using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's ReplicaSet controller: keeps <c>spec.replicas</c> active pods for each
/// ReplicaSet, creating them from its template and deleting the surplus in Kubernetes' order
/// (<see cref="ActivePodsRanking"/>), and writes the ReplicaSet's status.
/// <para>
/// It keeps its own caches from watch events (ReplicaSets by UID, pods by controller UID) and
/// syncs through a <see cref="WorkQueue"/>, at the same instant as the change but never inside a
/// notification. Every create and delete succeeds here, so Kubernetes' expectations (which stop a
/// sync from acting on a stale cache) are not needed: the store is the cache.
/// </para>
/// <para>
/// It also does the garbage collector's part for ReplicaSets: when a ReplicaSet is deleted, its
/// pods are deleted (background propagation), in the sync that follows.
/// </para>
/// </summary>
public sealed class ReplicaSetController : IObjectWatcher<ReplicaSet>, IPodWatcher
{
    public const string ComponentName = "replicaset-controller";

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ControllerSettings _settings;
    private readonly ILogger _log;
    private readonly Random _names;
    private readonly WorkQueue _queue;
    private readonly ObjectCache<ReplicaSet> _replicaSets = new();
    private readonly PodsByOwner _pods = new("ReplicaSet");
    private ReplicaSet? _writingStatusOf;

    public ReplicaSetController(ClusterStore store, ControllerSettings settings, ILogger? logger = null)
    {
        _store = store;
        _sim = store.Simulation;
        _settings = settings;
        _log = logger ?? NullLogger.Instance;
        _names = _sim.Random.Get(PodNames.RandomStream);
        _queue = new WorkQueue(_sim, Sync);
        store.ReplicaSets.Watch(this);
        store.Watch(this);
    }

    public void OnObjectEvent(WatchEventType type, ReplicaSet rs)
    {
        // Its own status write needs no sync: it follows from a sync that has just seen everything.
        if (ReferenceEquals(rs, _writingStatusOf)) return;
        _queue.Add(_replicaSets.Apply(type, rs));
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (_pods.Apply(type, pod) is { } owner && _replicaSets.Knows(owner))
            _queue.Add(owner);
    }

    private void Sync(string uid)
    {
        if (!_replicaSets.TryGet(uid, out var rs))
        {
            if (_replicaSets.IsDeleted(uid)) CollectGarbage(uid);
            return;
        }
        var active = _pods.Of(uid).Where(PodsByOwner.IsActive).ToList();
        int diff = active.Count - rs.Spec.Replicas;
        if (diff < 0) CreatePods(rs, Math.Min(-diff, _settings.BurstReplicas));
        else if (diff > 0) DeletePods(rs, active, Math.Min(diff, _settings.BurstReplicas));
        UpdateStatus(rs);
    }

    /// <summary>
    /// Kubernetes creates in slow-start batches (1, 2, 4, ...) so that a failing create stops
    /// early; every create succeeds here, so the batches add up to the whole difference, capped
    /// at burstReplicas per sync (the pods' add events queue the next sync for the rest).
    /// </summary>
    private void CreatePods(ReplicaSet rs, int count)
    {
        var owner = new OwnerReference(rs.Kind, rs.Name, rs.Metadata.Uid, Controller: true);
        var ns = rs.Metadata.Namespace;
        for (int i = 0; i < count; i++)
        {
            var name = PodNames.Generate(_names, rs.Name + "-", n => _store.GetPod(ns.Length == 0 ? n : ns + "/" + n) is not null);
            var pod = rs.Spec.Template.NewPod(name, ns, owner);
            _store.CreatePod(pod);
            if (_log.IsEnabled(LogLevel.Information))
                _log.LogInformation("{Time} {ReplicaSet}: created pod {Pod}", _sim.Now, rs.Metadata.Key, pod.Key);
            _store.RecordEvent(EventType.Normal, "SuccessfulCreate", rs.Kind, rs.Metadata.Key, "Created pod: " + name, ComponentName);
        }
    }

    /// <summary>getPodsToDelete: the first <paramref name="count"/> active pods in ActivePodsWithRanks order.</summary>
    private void DeletePods(ReplicaSet rs, List<Pod> active, int count)
    {
        if (count < active.Count)
            active.Sort(ActivePodsRanking.For(active, RelatedPods(rs), _sim.Now));
        else
            active.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        for (int i = 0; i < count; i++)
        {
            var pod = active[i];
            _store.DeletePod(pod);
            if (_log.IsEnabled(LogLevel.Information))
                _log.LogInformation("{Time} {ReplicaSet}: deleted pod {Pod}", _sim.Now, rs.Metadata.Key, pod.Key);
            _store.RecordEvent(EventType.Normal, "SuccessfulDelete", rs.Kind, rs.Metadata.Key, "Deleted pod: " + pod.Name, ComponentName);
        }
    }

    /// <summary>
    /// getIndirectlyRelatedPods: the pods of every ReplicaSet with the same controller (all
    /// revisions of one Deployment), so "doubled up" counts a node's pods across revisions.
    /// </summary>
    private IEnumerable<Pod> RelatedPods(ReplicaSet rs)
    {
        if (rs.Metadata.Controller is not { } owner) return _pods.Of(rs.Metadata.Uid);
        return _replicaSets.Items
            .Where(s => s.Metadata.Controller?.Uid == owner.Uid)
            .SelectMany(s => _pods.Of(s.Metadata.Uid));
    }

    /// <summary>
    /// calculateStatus, counted after this sync's creates and deletes. Written only when a count
    /// changed, since every write wakes the Deployment controller. While some pod is Ready but
    /// not yet available (minReadySeconds), a sync is queued for the moment it will be.
    /// </summary>
    private void UpdateStatus(ReplicaSet rs)
    {
        var now = _sim.Now;
        var minReady = SimDuration.FromSeconds(rs.Spec.MinReadySeconds);
        int replicas = 0, labeled = 0, ready = 0, available = 0;
        SimTime? nextAvailable = null;
        foreach (var pod in _pods.Of(rs.Metadata.Uid))
        {
            if (!PodsByOwner.IsActive(pod)) continue;
            replicas++;
            if (HasLabels(pod.Metadata.Labels, rs.Spec.Template.Labels)) labeled++;
            if (pod.Status.GetCondition(PodConditionType.Ready) is not { Status: ConditionStatus.True } readyCondition) continue;
            ready++;
            var availableAt = readyCondition.LastTransitionTime + minReady;
            if (availableAt <= now) available++;
            else if (nextAvailable is null || availableAt < nextAvailable) nextAvailable = availableAt;
        }
        if (nextAvailable is { } at) _queue.AddAt(rs.Metadata.Uid, at);

        var s = rs.Status;
        if (s.Replicas == replicas && s.FullyLabeledReplicas == labeled && s.ReadyReplicas == ready && s.AvailableReplicas == available)
            return;
        s.Replicas = replicas;
        s.FullyLabeledReplicas = labeled;
        s.ReadyReplicas = ready;
        s.AvailableReplicas = available;
        _writingStatusOf = rs;
        try
        {
            _store.ReplicaSets.Update(rs);
        }
        finally
        {
            _writingStatusOf = null;
        }
    }

    /// <summary>The garbage collector, background propagation: a deleted ReplicaSet's pods are deleted.</summary>
    private void CollectGarbage(string uid)
    {
        var doomed = _pods.Of(uid).Where(p => !p.IsTerminating).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var pod in doomed) _store.DeletePod(pod);
        if (_pods.Of(uid).Count == 0) _replicaSets.Forget(uid);
    }

    private static bool HasLabels(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> required)
    {
        foreach (var (k, v) in required)
            if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
        return true;
    }
}
