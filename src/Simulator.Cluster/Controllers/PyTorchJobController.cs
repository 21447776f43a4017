using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// Kubeflow training-operator v1's PyTorchJob controller (pkg/controller.v1/pytorch on the shared
/// pkg/controller.v1/common reconciler): one pod per replica, named <c>&lt;job&gt;-master-0</c> and
/// <c>&lt;job&gt;-worker-&lt;i&gt;</c>, re-created under the same name once the old pod is gone;
/// failed pods of OnFailure and Always replicas are deleted so that they are re-created; the
/// job's conditions follow the Master (<see cref="PyTorchJobStatusRules"/>); backoffLimit and
/// activeDeadlineSeconds fail it and delete its pods; cleanPodPolicy says which pods go when it
/// finishes. With <c>runPolicy.schedulingPolicy</c> it creates a scheduler-plugins PodGroup named
/// after the job and labels the pods with it.
/// <para>
/// Like <see cref="ReplicaSetController"/> it keeps its own caches from watch events and syncs
/// through a <see cref="WorkQueue"/>; every create and delete succeeds at once here, so the
/// operator's expectations are not needed.
/// </para>
/// <para>
/// Simplifications: no per-replica headless Services or MASTER_ADDR/WORLD_SIZE environment (ksim
/// runs no processes); restartPolicy ExitCode is read as OnFailure (ksim has no exit codes); the
/// backoff check that counts work-queue requeues of pod failures is left out, only container
/// restarts count; elasticPolicy, suspend and ttlSecondsAfterFinished are not modelled; the pods
/// keep their template's schedulerName (the operator sets its gang scheduler's name; in ksim the
/// scheduler profile decides whether PodGroups are honoured).
/// </para>
/// </summary>
public sealed class PyTorchJobController : IObjectWatcher<PyTorchJob>, IPodWatcher, IEventHandler
{
    public const string ComponentName = "pytorchjob-controller";

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ILogger _log;
    private readonly WorkQueue _queue;
    private readonly ObjectCache<PyTorchJob> _jobs = new();
    private readonly PodsByOwner _pods = new("PyTorchJob");

    /// <summary>The sync at startTime + activeDeadlineSeconds, by job UID; cancelled when the job finishes so it never keeps a run alive.</summary>
    private readonly Dictionary<string, EventHandle> _deadlines = new(StringComparer.Ordinal);
    private PyTorchJob? _writingStatusOf;

    public PyTorchJobController(ClusterStore store, ILogger? logger = null)
    {
        _store = store;
        _sim = store.Simulation;
        _log = logger ?? NullLogger.Instance;
        _queue = new WorkQueue(_sim, Sync);
        store.PyTorchJobs.Watch(this);
        store.Watch(this);
    }

    public void OnObjectEvent(WatchEventType type, PyTorchJob job)
    {
        // Its own status write needs no sync: it follows from a sync that has just seen everything.
        if (ReferenceEquals(job, _writingStatusOf)) return;
        _queue.Add(_jobs.Apply(type, job));
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (_pods.Apply(type, pod) is { } owner && _jobs.Knows(owner)) _queue.Add(owner);
    }

    /// <summary>The activeDeadlineSeconds timer: the job is synced when it expires.</summary>
    public void OnEvent(object? state, long arg)
    {
        var uid = (string)state!;
        _deadlines.Remove(uid);
        _queue.Add(uid);
    }

    private void Sync(string uid)
    {
        if (!_jobs.TryGet(uid, out var job))
        {
            if (_jobs.IsDeleted(uid)) CollectGarbage(uid);
            return;
        }
        var now = _sim.Now;
        var status = job.Status;
        var before = StatusSnapshot.Of(status);
        if (status.Conditions.Count == 0)
            status.SetCondition(PyTorchJob.Created, "PyTorchJobCreated", $"PyTorchJob {job.Name} is created.", now);

        if (!status.IsFinished)
        {
            if (status.StartTime is null)
            {
                status.StartTime = now;
                if (job.Spec.RunPolicy.ActiveDeadlineSeconds is { } seconds && seconds <= PyTorchJobStatusRules.MaxDeadlineSeconds)
                    _deadlines[uid] = _sim.Schedule(now + SimDuration.FromSeconds(Math.Max(0, seconds)), this, uid, 0);
            }
            var pods = PodsOf(uid);
            if (PyTorchJobStatusRules.PastBackoffLimit(job, pods))
                FailAndDeletePods(job, pods, $"Job {job.Name} has failed because it has reached the specified backoff limit");
            else if (PyTorchJobStatusRules.PastActiveDeadline(job, now))
                FailAndDeletePods(job, pods, $"Job {job.Name} has failed because it was active longer than specified deadline");
            else
                Reconcile(job, pods);
        }
        // The operator cleans up in the reconcile after the one that finished the job; here it is the same instant.
        if (status.IsFinished)
        {
            CancelDeadline(uid);
            CleanUp(job);
        }
        WriteStatus(job, before);
    }

    private void Reconcile(PyTorchJob job, List<Pod> pods)
    {
        if (job.Spec.RunPolicy.SchedulingPolicy is { } gang) SyncPodGroup(job, gang);
        foreach (var type in PyTorchJob.ReplicaTypes)
            if (job.Spec.ReplicaSpecs.TryGetValue(type, out var spec)) ReconcilePods(job, type, spec, pods);
        PyTorchJobStatusRules.Update(job, _sim.Now, _store);
    }

    /// <summary>
    /// ReconcilePods: a pod for every index that has none (a pod being deleted still holds its
    /// index, and its name); a Failed pod of a replica that restarts is deleted, to be re-created
    /// by the sync its deletion queues. Then the replica's counts.
    /// </summary>
    private void ReconcilePods(PyTorchJob job, string type, ReplicaSpec spec, List<Pod> pods)
    {
        var slots = new Pod?[spec.Replicas];
        foreach (var pod in pods)
        {
            if (!string.Equals(pod.Metadata.Labels.GetValueOrDefault(TrainingOperatorLabels.ReplicaType), type, StringComparison.OrdinalIgnoreCase))
                continue;
            if (TrainingOperatorLabels.IndexOf(pod.Metadata.Labels) is { } i && i < slots.Length) slots[i] ??= pod;
        }
        (int Active, int Succeeded, int Failed) counts = default;
        for (int index = 0; index < slots.Length; index++)
        {
            if (slots[index] is not { } pod)
            {
                CreatePod(job, type, index, spec);
                continue;
            }
            if (pod.Status.Phase == PodPhase.Failed && spec.RestartPolicy != RestartPolicy.Never)
            {
                DeletePod(job, pod);
                var message = $"job {job.Name} is restarting because {type} replica(s) failed.";
                if (job.Status.SetCondition(PyTorchJob.Restarting, "PyTorchJobRestarting", message, _sim.Now))
                    _store.RecordEvent(EventType.Warning, "PyTorchJobRestarting", job.Kind, job.Metadata.Key, message, ComponentName);
            }
            counts = PyTorchJobStatusRules.Count(counts, pod);
        }
        job.Status.ReplicaStatuses[type] = counts;
    }

    private void CreatePod(PyTorchJob job, string type, int index, ReplicaSpec spec)
    {
        var ns = job.Metadata.Namespace;
        var name = TrainingOperatorLabels.PodName(job.Name, type, index);
        if (_store.GetPod(ns.Length == 0 ? name : ns + "/" + name) is not null)
        {
            // Someone else's pod holds the name: the create fails with AlreadyExists, as it would in Kubernetes.
            _store.RecordEvent(EventType.Warning, "FailedCreatePod", job.Kind, job.Metadata.Key,
                $"Error creating: pods \"{name}\" already exists", ComponentName);
            return;
        }
        var role = type.ToLowerInvariant();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TrainingOperatorLabels.JobName] = job.Name,
            [TrainingOperatorLabels.OperatorName] = ComponentName,
            [TrainingOperatorLabels.ReplicaType] = role,
            [TrainingOperatorLabels.ReplicaIndex] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (type == PyTorchJob.Master) labels[TrainingOperatorLabels.JobRole] = "master";
        if (job.Spec.RunPolicy.SchedulingPolicy is not null) labels[PodGroup.GroupLabel] = job.Name;
        var pod = spec.Template.NewPod(name, ns, new OwnerReference(job.Kind, job.Name, job.Metadata.Uid, Controller: true), labels);
        _store.CreatePod(pod);
        _store.RecordEvent(EventType.Normal, "SuccessfulCreatePod", job.Kind, job.Metadata.Key, "Created pod: " + name, ComponentName);
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} PyTorchJob {Job} created pod {Pod}", _sim.Now, job.Metadata.Key, name);
    }

    private void DeletePod(PyTorchJob job, Pod pod)
    {
        if (pod.IsTerminating || _store.GetPod(pod.Key) != pod) return;
        _store.DeletePod(pod);
        _store.RecordEvent(EventType.Normal, "SuccessfulDeletePod", job.Kind, job.Metadata.Key, "Deleted pod: " + pod.Name, ComponentName);
    }

    /// <summary>Past backoffLimit or activeDeadlineSeconds: every pod is deleted whatever cleanPodPolicy says, then the job fails.</summary>
    private void FailAndDeletePods(PyTorchJob job, List<Pod> pods, string message)
    {
        foreach (var pod in pods) DeletePod(job, pod);
        PyTorchJobStatusRules.Fail(job, _sim.Now, _store, message);
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} PyTorchJob {Job} failed: {Message}", _sim.Now, job.Metadata.Key, message);
    }

    /// <summary>
    /// A finished job: cleanPodPolicy Running deletes its Pending and Running pods, All every pod,
    /// None (PyTorchJob's default) none; the PodGroup goes; a succeeded job's active pods count as
    /// succeeded.
    /// </summary>
    private void CleanUp(PyTorchJob job)
    {
        var policy = job.Spec.RunPolicy.CleanPodPolicy;
        if (policy != CleanPodPolicy.None)
        {
            foreach (var pod in PodsOf(job.Metadata.Uid))
                if (policy == CleanPodPolicy.All || pod.Status.Phase is PodPhase.Running or PodPhase.Pending) DeletePod(job, pod);
        }
        DeletePodGroup(job.Metadata.Uid);
        if (!job.Status.IsTrue(PyTorchJob.Succeeded)) return;
        foreach (var type in PyTorchJob.ReplicaTypes)
        {
            if (!job.Status.ReplicaStatuses.TryGetValue(type, out var c) || c.Active == 0) continue;
            job.Status.ReplicaStatuses[type] = (0, c.Succeeded + c.Active, c.Failed);
        }
    }

    /// <summary>SyncPodGroup: the job's PodGroup, minMember = minAvailable or every replica; an existing one is kept.</summary>
    private void SyncPodGroup(PyTorchJob job, SchedulingPolicy gang)
    {
        if (_store.PodGroups.Get(job.Metadata.Key) is not null) return;
        _store.PodGroups.Create(new PodGroup
        {
            Metadata = new ObjectMeta
            {
                Name = job.Name,
                Namespace = job.Metadata.Namespace,
                OwnerReferences = [new OwnerReference(job.Kind, job.Name, job.Metadata.Uid, Controller: true)],
            },
            Spec = new PodGroupSpec
            {
                MinMember = gang.MinAvailable ?? job.Spec.TotalReplicas,
                ScheduleTimeoutSeconds = gang.ScheduleTimeoutSeconds,
            },
        });
    }

    private void DeletePodGroup(string jobUid)
    {
        var group = _store.PodGroups.Items.FirstOrDefault(g => g.Metadata.Controller?.Uid == jobUid);
        if (group is null) return;
        var owner = group.Metadata.Controller!;
        var jobKey = group.Metadata.Namespace.Length == 0 ? owner.Name : group.Metadata.Namespace + "/" + owner.Name;
        _store.RecordEvent(EventType.Normal, "JobTerminated", owner.Kind, jobKey, "Job has been terminated. Deleting PodGroup", ComponentName);
        _store.PodGroups.Delete(group);
        _store.RecordEvent(EventType.Normal, "SuccessfulDeletePodGroup", owner.Kind, jobKey, "Deleted PodGroup: " + group.Name, ComponentName);
    }

    /// <summary>The garbage collector, background propagation: a deleted PyTorchJob's pods and PodGroup are deleted.</summary>
    private void CollectGarbage(string uid)
    {
        CancelDeadline(uid);
        foreach (var pod in PodsOf(uid))
            if (!pod.IsTerminating) _store.DeletePod(pod);
        var group = _store.PodGroups.Items.FirstOrDefault(g => g.Metadata.Controller?.Uid == uid);
        if (group is not null) _store.PodGroups.Delete(group);
        if (_pods.Of(uid).Count == 0) _jobs.Forget(uid);
    }

    private void CancelDeadline(string uid)
    {
        if (_deadlines.Remove(uid, out var deadline)) _sim.Cancel(deadline);
    }

    /// <summary>The job's pods in name order, copied: deleting one changes the index while the sync runs.</summary>
    private List<Pod> PodsOf(string uid)
    {
        var pods = new List<Pod>(_pods.Of(uid));
        pods.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return pods;
    }

    private void WriteStatus(PyTorchJob job, StatusSnapshot before)
    {
        if (StatusSnapshot.Of(job.Status) == before) return;
        _writingStatusOf = job;
        try
        {
            _store.PyTorchJobs.Update(job);
        }
        finally
        {
            _writingStatusOf = null;
        }
        if (job.Status.IsFinished && !before.Finished && _log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} PyTorchJob {Job} finished: {Condition}", _sim.Now, job.Metadata.Key, job.Status.Conditions[^1].Type);
    }

    /// <summary>The status fields the controller writes, to tell whether a sync changed anything.</summary>
    private readonly record struct StatusSnapshot(
        SimTime? StartTime, SimTime? CompletionTime, int Conditions, PyTorchJobCondition? Last, bool Finished,
        (int, int, int) Master, (int, int, int) Worker)
    {
        public static StatusSnapshot Of(PyTorchJobStatus s) =>
            new(s.StartTime, s.CompletionTime, s.Conditions.Count, s.Conditions.Count == 0 ? null : s.Conditions[^1], s.IsFinished,
                s.ReplicaStatuses.GetValueOrDefault(PyTorchJob.Master), s.ReplicaStatuses.GetValueOrDefault(PyTorchJob.Worker));
    }
}
