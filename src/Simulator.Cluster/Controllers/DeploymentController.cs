using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's Deployment controller. Each pod template revision is a ReplicaSet
/// named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>; a rollout moves replicas from the old
/// ReplicaSets to the new one, with RollingUpdate (within maxSurge / maxUnavailable) or Recreate
/// (old pods gone before new ones start). It only ever writes ReplicaSet sizes and annotations,
/// the Deployment's status, and events; the ReplicaSet controller turns sizes into pods.
/// <para>
/// It syncs through a <see cref="WorkQueue"/> from its own caches (Deployments, their ReplicaSets,
/// and for Recreate their pods). It also does the garbage collector's part for Deployments: a
/// deleted Deployment's ReplicaSets are deleted, and with them their pods.
/// Not simulated: pausing, rollback requests, progress conditions (progressDeadlineSeconds) and
/// the Deployment's own revision annotation.
/// </para>
/// </summary>
public sealed class DeploymentController : IObjectWatcher<Deployment>, IObjectWatcher<ReplicaSet>, IPodWatcher
{
    public const string ComponentName = "deployment-controller";

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ILogger _log;
    private readonly WorkQueue _queue;
    private readonly ObjectCache<Deployment> _deployments = new();
    private readonly Dictionary<string, List<ReplicaSet>> _replicaSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ownerOfReplicaSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _collisionCount = new(StringComparer.Ordinal);
    private readonly PodsByOwner _pods = new("ReplicaSet");

    public DeploymentController(ClusterStore store, ILogger? logger = null)
    {
        _store = store;
        _sim = store.Simulation;
        _log = logger ?? NullLogger.Instance;
        _queue = new WorkQueue(_sim, Sync);
        store.Deployments.Watch(this);
        store.ReplicaSets.Watch(this);
        store.Watch(this);
    }

    public void OnObjectEvent(WatchEventType type, Deployment d)
    {
        _queue.Add(_deployments.Apply(type, d));
    }

    public void OnObjectEvent(WatchEventType type, ReplicaSet rs)
    {
        if (rs.Metadata.Controller is not { Kind: "Deployment" } owner) return;
        if (!_replicaSets.TryGetValue(owner.Uid, out var list)) _replicaSets[owner.Uid] = list = [];
        list.Remove(rs);
        if (type == WatchEventType.Deleted) _ownerOfReplicaSet.Remove(rs.Metadata.Uid);
        else
        {
            list.Add(rs);
            _ownerOfReplicaSet[rs.Metadata.Uid] = owner.Uid;
        }
        _queue.Add(owner.Uid);
    }

    /// <summary>Only Recreate cares about pods: it waits until every old pod is gone, which only a pod deletion can bring about.</summary>
    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (_pods.Apply(type, pod) is not { } rsUid || type != WatchEventType.Deleted) return;
        if (_ownerOfReplicaSet.TryGetValue(rsUid, out var uid) && _deployments.TryGet(uid, out var d) && !RollingUpdate.IsRollingUpdate(d))
            _queue.Add(uid);
    }

    private void Sync(string uid)
    {
        if (!_deployments.TryGet(uid, out var d))
        {
            if (_deployments.Forget(uid)) CollectGarbage(uid);
            return;
        }
        var owned = OwnedByAge(uid);
        var (newRs, oldRs) = Revisions.Split(d, owned);
        if (newRs is not null) SyncRevision(newRs, oldRs);
        if (ProportionalScaling.IsScalingEvent(d, newRs, oldRs))
        {
            foreach (var step in ProportionalScaling.Plan(d, newRs, oldRs))
                Scale(step.Rs, step.Replicas, d, step.AlwaysWrite);
        }
        else if (RollingUpdate.IsRollingUpdate(d))
        {
            if (!RolloutRolling(d, ref newRs, oldRs)) return;
        }
        else if (!RolloutRecreate(d, ref newRs, oldRs))
        {
            return;
        }
        UpdateStatus(d, newRs, oldRs);
    }

    /// <summary>rolloutRolling: first grow the new ReplicaSet, else shrink old ones, else tidy up history.</summary>
    private bool RolloutRolling(Deployment d, ref ReplicaSet? newRs, List<ReplicaSet> oldRs)
    {
        newRs ??= CreateNewReplicaSet(d, oldRs);
        if (newRs is null) return false;
        var all = oldRs.Append(newRs).ToList();
        if (ReconcileNewReplicaSet(d, all, newRs)) return true;
        if (ReconcileOldReplicaSets(d, all, oldRs, newRs)) return true;
        if (IsComplete(d)) CleanupHistory(d, oldRs);
        return true;
    }

    private bool ReconcileNewReplicaSet(Deployment d, List<ReplicaSet> all, ReplicaSet newRs)
    {
        int replicas = d.Spec.Replicas;
        if (newRs.Spec.Replicas == replicas) return false;
        if (newRs.Spec.Replicas > replicas) return Scale(newRs, replicas, d);
        return Scale(newRs, RollingUpdate.NewReplicaSetReplicas(d, all, newRs, newRs.Spec.Replicas), d);
    }

    /// <summary>reconcileOldReplicaSets: unavailable old replicas go first, then available ones down to the floor.</summary>
    private bool ReconcileOldReplicaSets(Deployment d, List<ReplicaSet> all, List<ReplicaSet> oldRs, ReplicaSet newRs)
    {
        var activeOld = oldRs.Where(rs => rs.Spec.Replicas > 0).ToList();
        if (activeOld.Count == 0) return false;
        int budget = RollingUpdate.MaxScaledDown(d, all, newRs);
        if (budget <= 0) return false;
        bool scaled = false;
        foreach (var (rs, replicas) in RollingUpdate.CleanupUnhealthy(activeOld, budget))
            scaled |= Scale(rs, replicas, d);
        foreach (var (rs, replicas) in RollingUpdate.ScaleDownOld(d, activeOld.Append(newRs).ToList(), activeOld))
            scaled |= Scale(rs, replicas, d);
        return scaled;
    }

    /// <summary>rolloutRecreate: old ReplicaSets to zero, wait until none of their pods is left, then the new one to full size.</summary>
    private bool RolloutRecreate(Deployment d, ref ReplicaSet? newRs, List<ReplicaSet> oldRs)
    {
        bool scaledDown = false;
        foreach (var rs in oldRs)
            if (rs.Spec.Replicas > 0) scaledDown |= Scale(rs, 0, d);
        if (scaledDown || OldPodsRunning(newRs, oldRs)) return true;
        newRs ??= CreateNewReplicaSet(d, oldRs);
        if (newRs is null) return false;
        Scale(newRs, d.Spec.Replicas, d);
        if (IsComplete(d)) CleanupHistory(d, oldRs);
        return true;
    }

    /// <summary>oldPodsRunning: any old replica still counted, or any old pod not yet Succeeded/Failed (terminating ones included).</summary>
    private bool OldPodsRunning(ReplicaSet? newRs, List<ReplicaSet> oldRs)
    {
        if (RollingUpdate.ActualReplicas(oldRs) > 0) return true;
        foreach (var rs in oldRs)
        {
            if (ReferenceEquals(rs, newRs)) continue;
            foreach (var pod in _pods.Of(rs.Metadata.Uid))
                if (!pod.IsTerminal) return true;
        }
        return false;
    }

    /// <summary>getNewReplicaSet for an existing one: it must carry the highest revision (after a rollback to it, say).</summary>
    private void SyncRevision(ReplicaSet newRs, List<ReplicaSet> oldRs)
    {
        if (DeploymentAnnotations.RaiseRevision(newRs, Revisions.Next(oldRs))) _store.ReplicaSets.Update(newRs);
    }

    /// <summary>
    /// getNewReplicaSet with createIfNotExisted: the new revision's ReplicaSet, already sized by
    /// NewRSNewReplicas. A name taken by a ReplicaSet with another template is a hash collision:
    /// the collision count goes up (changing the hash) and the Deployment is synced again.
    /// </summary>
    private ReplicaSet? CreateNewReplicaSet(Deployment d, List<ReplicaSet> oldRs)
    {
        int collisions = _collisionCount.GetValueOrDefault(d.Metadata.Uid);
        var rs = Revisions.NewReplicaSet(d, collisions, Revisions.Next(oldRs), RollingUpdate.MaxSurge(d));
        rs.Spec.Replicas = RollingUpdate.NewReplicaSetReplicas(d, oldRs.Append(rs).ToList(), rs, 0);
        if (_store.ReplicaSets.Get(rs.Metadata.Key) is { } existing)
        {
            if (existing.Metadata.Controller?.Uid == d.Metadata.Uid && TemplateHash.EqualIgnoreHash(existing.Spec.Template, d.Spec.Template))
                return existing;
            _collisionCount[d.Metadata.Uid] = collisions + 1;
            _queue.Add(d.Metadata.Uid);
            return null;
        }
        _store.ReplicaSets.Create(rs);
        if (rs.Spec.Replicas > 0) RecordScaling(d, rs, "up", 0, rs.Spec.Replicas);
        return rs;
    }

    /// <summary>
    /// scaleReplicaSetAndRecordEvent / scaleReplicaSet: writes the size (and the size annotations)
    /// and records ScalingReplicaSet. Returns true if the size changed.
    /// </summary>
    private bool Scale(ReplicaSet rs, int replicas, Deployment d, bool alwaysWrite = false)
    {
        int old = rs.Spec.Replicas;
        if (old == replicas && !alwaysWrite) return false;
        int desired = d.Spec.Replicas, max = d.Spec.Replicas + RollingUpdate.MaxSurge(d);
        bool resize = old != replicas;
        if (!resize && !DeploymentAnnotations.ReplicasNeedUpdate(rs, desired, max)) return false;
        rs.Spec.Replicas = replicas;
        DeploymentAnnotations.SetReplicas(rs, desired, max);
        _store.ReplicaSets.Update(rs);
        if (resize) RecordScaling(d, rs, old < replicas ? "up" : "down", old, replicas);
        return resize;
    }

    private void RecordScaling(Deployment d, ReplicaSet rs, string direction, int from, int to)
    {
        var message = $"Scaled {direction} replica set {rs.Name} from {from} to {to}";
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} {Deployment}: {Message}", _sim.Now, d.Metadata.Key, message);
        _store.RecordEvent(EventType.Normal, "ScalingReplicaSet", d.Kind, d.Metadata.Key, message, ComponentName);
    }

    /// <summary>DeploymentComplete, judged on the status written by the previous sync, as Kubernetes does.</summary>
    private static bool IsComplete(Deployment d) =>
        d.Status.UpdatedReplicas == d.Spec.Replicas && d.Status.Replicas == d.Spec.Replicas && d.Status.AvailableReplicas == d.Spec.Replicas;

    /// <summary>cleanupDeployment: beyond revisionHistoryLimit, the oldest revisions that have scaled to nothing are deleted.</summary>
    private void CleanupHistory(Deployment d, List<ReplicaSet> oldRs)
    {
        var cleanable = oldRs.Where(rs => rs.Metadata.DeletionTimestamp is null).ToList();
        int diff = cleanable.Count - d.Spec.RevisionHistoryLimit;
        if (diff <= 0) return;
        cleanable.Sort(Revisions.ByRevision);
        for (int i = 0; i < diff; i++)
        {
            var rs = cleanable[i];
            if (rs.Status.Replicas != 0 || rs.Spec.Replicas != 0) continue;
            _store.ReplicaSets.Delete(rs);
        }
    }

    /// <summary>calculateStatus: sums over the ReplicaSets; unavailable counts against their specs. Written only on change.</summary>
    private void UpdateStatus(Deployment d, ReplicaSet? newRs, List<ReplicaSet> oldRs)
    {
        var all = newRs is null ? oldRs : oldRs.Append(newRs).ToList();
        int available = RollingUpdate.AvailableReplicas(all);
        int replicas = RollingUpdate.ActualReplicas(all);
        int updated = newRs?.Status.Replicas ?? 0;
        int ready = RollingUpdate.ReadyReplicas(all);
        int unavailable = Math.Max(0, RollingUpdate.SpecReplicas(all) - available);
        var s = d.Status;
        if (s.Replicas == replicas && s.UpdatedReplicas == updated && s.ReadyReplicas == ready
            && s.AvailableReplicas == available && s.UnavailableReplicas == unavailable)
            return;
        s.Replicas = replicas;
        s.UpdatedReplicas = updated;
        s.ReadyReplicas = ready;
        s.AvailableReplicas = available;
        s.UnavailableReplicas = unavailable;
        // This write queues the Deployment again, on purpose: the next sync judges completeness
        // (and so cleans up old revisions) on the status just written, as Kubernetes does.
        _store.Deployments.Update(d);
    }

    /// <summary>The garbage collector, background propagation: a deleted Deployment's ReplicaSets go (and their pods after them).</summary>
    private void CollectGarbage(string uid)
    {
        foreach (var rs in OwnedByAge(uid)) _store.ReplicaSets.Delete(rs);
        _replicaSets.Remove(uid);
        _collisionCount.Remove(uid);
    }

    /// <summary>The Deployment's ReplicaSets, oldest first (ReplicaSetsByCreationTimestamp), as a copy safe to write through.</summary>
    private List<ReplicaSet> OwnedByAge(string uid)
    {
        var list = _replicaSets.TryGetValue(uid, out var owned) ? new List<ReplicaSet>(owned) : [];
        list.Sort(Revisions.ByAge);
        return list;
    }
}
