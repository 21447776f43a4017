using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The batch/v1 Job controller (kubernetes pkg/controller/job): runs pods until enough succeed,
/// re-creating failed ones after an exponential backoff, and fails the Job when it exceeds its
/// backoffLimit or activeDeadlineSeconds. It watches Jobs and pods, indexes pods by their
/// controller owner, and does its work in one zero-delay sync event per changed Job, never inside
/// a watch notification.
/// <para>
/// Simplifications: a Job's Failed or Complete condition is set at once (Kubernetes first sets
/// FailureTarget or SuccessCriteriaMet and waits for the pods to terminate); pods are adopted only
/// through their owner reference, not by selector; deleting a Job leaves its pods (there is no
/// garbage collector); podFailurePolicy, successPolicy, suspend and backoffLimitPerIndex are not
/// modelled.
/// </para>
/// </summary>
public sealed class JobController : IObjectWatcher<Job>, IPodWatcher, IEventHandler
{
    public const string ComponentName = "job-controller";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string CompletionIndexKey = "batch.kubernetes.io/job-completion-index";

    /// <summary>MaxPodCreateDeletePerSync.</summary>
    private const int MaxPodsPerSync = 500;

    /// <summary>Beyond this a deadline (about 3000 years) can never be reached; it also keeps the timer from overflowing.</summary>
    private const long MaxDeadlineSeconds = 100_000_000_000;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ControllerSettings _settings;
    private readonly Random _names;
    private readonly ILogger _log;
    private readonly Dictionary<string, JobState> _byUid = new(StringComparer.Ordinal);

    public JobController(ClusterStore store, ControllerSettings settings, ILogger? logger = null)
    {
        _store = store;
        _sim = store.Simulation;
        _settings = settings;
        _names = _sim.Random.Get(PodNames.RandomStream);
        _log = logger ?? NullLogger.Instance;
        store.Jobs.Watch(this);
        store.Watch((IPodWatcher)this);
    }

    public void OnObjectEvent(WatchEventType type, Job job)
    {
        var uid = job.Metadata.Uid;
        switch (type)
        {
            case WatchEventType.Added:
                if (!_byUid.TryGetValue(uid, out var added))
                {
                    added = new JobState(job);
                    _byUid.Add(uid, added);
                }
                Enqueue(added);
                break;
            case WatchEventType.Modified:
                if (_byUid.TryGetValue(uid, out var modified)) Enqueue(modified);
                break;
            case WatchEventType.Deleted:
                if (_byUid.Remove(uid, out var deleted)) CancelTimers(deleted);
                break;
        }
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod.Metadata.Controller is not { Kind: "Job" } owner || !_byUid.TryGetValue(owner.Uid, out var state)) return;
        if (state.Observe(type, pod, _sim.Now)) Enqueue(state);
    }

    public void OnEvent(object? state, long arg) => Sync((JobState)state!);

    private void Enqueue(JobState state)
    {
        if (state.Job.Status.IsFinished || _sim.IsPending(state.Sync)) return;
        state.Sync = _sim.ScheduleAfter(SimDuration.Zero, this, state, 0);
    }

    private void Sync(JobState state)
    {
        var job = state.Job;
        if (job.Status.IsFinished || _store.Jobs.Get(job.Metadata.Key) != job) return;
        var now = _sim.Now;
        var status = job.Status;
        var before = StatusSnapshot.Of(status);
        if (status.StartTime is null)
        {
            status.StartTime = now;
            ArmDeadline(state, now);
        }
        ApplyOutcomes(state);

        // Kubernetes checks the deadline first: it takes precedence over the backoff limit.
        if (PastActiveDeadline(job, now))
            Fail(state, "DeadlineExceeded", "Job was active longer than specified deadline", now);
        else if (status.Failed > job.Spec.BackoffLimit || PastBackoffLimitOnFailure(state))
            Fail(state, "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
        else
        {
            ManagePods(state, now);
            // Surplus pods deleted just now count as failed, as Kubernetes counts them.
            ApplyOutcomes(state);
            if (IsComplete(state)) Complete(state, now);
        }
        status.Active = state.Active.Count;
        if (StatusSnapshot.Of(status) != before) _store.Jobs.Update(job);
    }

    /// <summary>Counts the pods that finished since the last sync, in the order they finished.</summary>
    private static void ApplyOutcomes(JobState state)
    {
        var job = state.Job;
        var status = job.Status;
        foreach (var outcome in state.Outcomes)
        {
            if (!outcome.Succeeded)
            {
                status.Failed++;
                state.Backoff.Failed(outcome.At);
                continue;
            }
            state.Backoff.Succeeded();
            if (job.Spec.CompletionMode != CompletionMode.Indexed)
            {
                status.Succeeded++;
                continue;
            }
            // Indexed: succeeded counts distinct completed indexes, each once.
            if (IndexOf(outcome.Pod) is { } index && index < (job.Spec.Completions ?? 0)) status.CompletedIndexes.Add(index);
            status.Succeeded = status.CompletedIndexes.Count;
        }
        state.Outcomes.Clear();
    }

    private static bool PastActiveDeadline(Job job, SimTime now) =>
        job.Spec.ActiveDeadlineSeconds is { } seconds && job.Status.StartTime is { } start &&
        seconds <= MaxDeadlineSeconds && now - start >= SimDuration.FromSeconds(seconds);

    /// <summary>
    /// restartPolicy OnFailure: failures are container restarts in place, so the restarts of the
    /// Job's pending and running pods count toward the limit (reached, not exceeded).
    /// </summary>
    private static bool PastBackoffLimitOnFailure(JobState state)
    {
        var spec = state.Job.Spec;
        if (spec.Template.Spec.RestartPolicy != RestartPolicy.OnFailure) return false;
        int restarts = 0;
        foreach (var pod in state.Active) restarts += pod.Status.RestartCount;
        return spec.BackoffLimit == 0 ? restarts > 0 : restarts >= spec.BackoffLimit;
    }

    private static bool IsComplete(JobState state)
    {
        var job = state.Job;
        // Without completions (a work queue) the Job is done once one pod succeeded and none runs.
        return job.Spec.Completions is { } completions
            ? job.Status.Succeeded >= completions
            : job.Status.Succeeded > 0 && state.Active.Count == 0;
    }

    /// <summary>Creates or deletes pods so that the active count is what the Job wants now.</summary>
    private void ManagePods(JobState state, SimTime now)
    {
        var spec = state.Job.Spec;
        int active = state.Active.Count;
        int parallelism = Math.Max(0, spec.Parallelism);
        int want = spec.Completions is { } completions
            ? Math.Clamp(completions - state.Job.Status.Succeeded, 0, parallelism)
            : state.Job.Status.Succeeded > 0 ? active : parallelism;
        if (active > want)
        {
            DeleteSurplus(state, active - want);
            return;
        }
        if (active == want) return;
        var wait = state.Backoff.RemainingAt(now, _settings.JobInitialBackoff, _settings.JobMaxBackoff);
        if (wait > SimDuration.Zero)
        {
            ArmBackoffSync(state, now + wait);
            return;
        }
        int toCreate = Math.Min(want - active, MaxPodsPerSync);
        if (spec.CompletionMode == CompletionMode.Indexed)
        {
            foreach (var index in PendingIndexes(state, toCreate)) CreatePod(state, index);
        }
        else
        {
            for (int i = 0; i < toCreate; i++) CreatePod(state, null);
        }
    }

    /// <summary>The lowest indexes neither completed nor held by an active pod (Indexed Jobs need completions).</summary>
    private static List<int> PendingIndexes(JobState state, int count)
    {
        var active = new HashSet<int>();
        foreach (var pod in state.Active)
            if (IndexOf(pod) is { } i) active.Add(i);
        var pending = new List<int>(count);
        int completions = state.Job.Spec.Completions ?? 0;
        for (int i = 0; i < completions && pending.Count < count; i++)
            if (!active.Contains(i) && !state.Job.Status.CompletedIndexes.Contains(i)) pending.Add(i);
        return pending;
    }

    private void CreatePod(JobState state, int? index)
    {
        var job = state.Job;
        var ns = job.Metadata.Namespace;
        var prefix = index is { } i ? string.Create(CultureInfo.InvariantCulture, $"{job.Name}-{i}-") : job.Name + "-";
        var name = PodNames.Generate(_names, prefix, n => _store.GetPod(ns.Length == 0 ? n : ns + "/" + n) is not null);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [JobNameLabel] = job.Name,
            [ControllerUidLabel] = job.Metadata.Uid,
        };
        Dictionary<string, string>? annotations = null;
        if (index is { } ix)
        {
            var text = ix.ToString(CultureInfo.InvariantCulture);
            labels[CompletionIndexKey] = text;
            annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [CompletionIndexKey] = text };
        }
        var pod = job.Spec.Template.NewPod(name, ns, new OwnerReference(job.Kind, job.Name, job.Metadata.Uid), labels, annotations);
        _store.CreatePod(pod);
        _store.RecordEvent(EventType.Normal, "SuccessfulCreate", job.Kind, job.Metadata.Key, $"Created pod: {name}", ComponentName);
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} Job {Job} created pod {Pod}", _sim.Now, job.Metadata.Key, name);
    }

    /// <summary>
    /// Deletes the pods least worth keeping (controller.ActivePods order): unscheduled before
    /// scheduled, not running before running, not ready before ready, newest first.
    /// </summary>
    private void DeleteSurplus(JobState state, int count)
    {
        var victims = state.Active
            .OrderBy(p => p.IsBound ? 1 : 0)
            .ThenBy(p => p.Status.Phase == PodPhase.Running ? 1 : 0)
            .ThenBy(p => p.Status.GetCondition(PodConditionType.Ready)?.Status == ConditionStatus.True ? 1 : 0)
            .ThenByDescending(p => p.Metadata.CreationTimestamp)
            .Take(Math.Min(count, MaxPodsPerSync))
            .ToList();
        foreach (var pod in victims) DeletePod(state.Job, pod);
    }

    private void DeletePod(Job job, Pod pod)
    {
        _store.DeletePod(pod);
        _store.RecordEvent(EventType.Normal, "SuccessfulDelete", job.Kind, job.Metadata.Key, $"Deleted pod: {pod.Name}", ComponentName);
    }

    /// <summary>The Job has failed: its active pods are deleted and counted as failed; finished pods are kept.</summary>
    private void Fail(JobState state, string reason, string message, SimTime now)
    {
        var job = state.Job;
        foreach (var pod in state.Active.ToList())
        {
            state.Forget(pod);
            job.Status.Failed++;
            DeletePod(job, pod);
        }
        job.Status.Conditions.Add(new JobCondition(JobConditionType.Failed, now, reason, message));
        _store.RecordEvent(EventType.Warning, reason, job.Kind, job.Metadata.Key, message, ComponentName);
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} Job {Job} failed: {Reason}", now, job.Metadata.Key, reason);
        CancelTimers(state);
    }

    private void Complete(JobState state, SimTime now)
    {
        var job = state.Job;
        job.Status.CompletionTime = now;
        job.Status.Conditions.Add(new JobCondition(JobConditionType.Complete, now, "", ""));
        _store.RecordEvent(EventType.Normal, "Completed", job.Kind, job.Metadata.Key, "Job completed", ComponentName);
        if (_log.IsEnabled(LogLevel.Information))
            _log.LogInformation("{Time} Job {Job} completed", now, job.Metadata.Key);
        CancelTimers(state);
    }

    private void ArmDeadline(JobState state, SimTime start)
    {
        if (state.Job.Spec.ActiveDeadlineSeconds is not { } seconds || seconds > MaxDeadlineSeconds) return;
        state.DeadlineSync = _sim.Schedule(start + SimDuration.FromSeconds(Math.Max(0, seconds)), this, state, 0);
    }

    /// <summary>Keeps the earliest pending backoff sync, as a delayed work-queue add does.</summary>
    private void ArmBackoffSync(JobState state, SimTime at)
    {
        if (_sim.IsPending(state.BackoffSync))
        {
            if (state.BackoffSyncAt <= at) return;
            _sim.Cancel(state.BackoffSync);
        }
        state.BackoffSyncAt = at;
        state.BackoffSync = _sim.Schedule(at, this, state, 0);
    }

    private void CancelTimers(JobState state)
    {
        _sim.Cancel(state.Sync);
        _sim.Cancel(state.BackoffSync);
        _sim.Cancel(state.DeadlineSync);
    }

    private static int? IndexOf(Pod pod) =>
        pod.Metadata.Annotations.TryGetValue(CompletionIndexKey, out var text) &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    /// <summary>The status fields the controller writes, to tell whether a sync changed anything.</summary>
    private readonly record struct StatusSnapshot(
        int Active, int Succeeded, int Failed, SimTime? StartTime, SimTime? CompletionTime, int Conditions, int CompletedIndexes)
    {
        public static StatusSnapshot Of(JobStatus s) =>
            new(s.Active, s.Succeeded, s.Failed, s.StartTime, s.CompletionTime, s.Conditions.Count, s.CompletedIndexes.Count);
    }
}
