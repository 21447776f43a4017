using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One <see cref="JobRecord"/> per Job and per Kubeflow PyTorchJob, from its watch events
/// (failed pods, the finishing condition) and from the pods it controls (attempts, first start,
/// in-place restarts). A pod belongs to a job through its controller owner reference; the job is
/// always stored, and so seen here, before its controller can create its pods.
/// </summary>
internal sealed class JobRecorder : IObjectWatcher<Job>, IObjectWatcher<PyTorchJob>, IPodWatcher
{
    private readonly Simulation _sim;
    private readonly List<JobRecord> _records = [];
    private readonly Dictionary<string, JobRecord> _byUid = new(StringComparer.Ordinal);

    /// <summary>Restart counts of the live pods of known Jobs, by pod uid; a pod's first sighting is an attempt.</summary>
    private readonly Dictionary<string, int> _podRestarts = new(StringComparer.Ordinal);

    public JobRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Jobs.Watch(this);
        store.PyTorchJobs.Watch(this);
        store.Watch(this);
    }

    /// <summary>In creation order.</summary>
    public IReadOnlyList<JobRecord> Records => _records;

    /// <summary>Completion time over the Jobs that completed: a failed Job's time is not a completion time.</summary>
    public JobsSummary Summarize()
    {
        int completed = 0, failed = 0;
        long totalMicroseconds = 0;
        var seconds = new List<double>();
        foreach (var r in _records)
        {
            if (r.Outcome == JobOutcome.Failed) failed++;
            if (r.Outcome != JobOutcome.Complete) continue;
            completed++;
            var jct = r.CompletionTime!.Value;
            totalMicroseconds += jct.Microseconds;
            seconds.Add(jct.TotalSeconds);
        }
        seconds.Sort();
        var completionTime = seconds.Count == 0
            ? CompletionTimeSummary.None
            : new CompletionTimeSummary(
                totalMicroseconds / 1e6 / seconds.Count,
                Percentiles.NearestRank(seconds, 50),
                Percentiles.NearestRank(seconds, 95),
                seconds[^1]);
        return new JobsSummary(_records.Count, completed, failed, completionTime);
    }

    public void OnObjectEvent(WatchEventType type, Job job)
    {
        if (RecordOf(type, job.Kind, job.Metadata) is not { } record) return;
        record.Completions = job.Spec.Completions;
        record.Parallelism = job.Spec.Parallelism;
        record.FailedPods = job.Status.Failed;
        // Complete and Failed are final: the first one written is the outcome.
        if (record.Completed is not null || job.Status.Conditions is not [var condition, ..]) return;
        record.Completed = condition.LastTransitionTime;
        record.Outcome = condition.Type == JobConditionType.Complete ? JobOutcome.Complete : JobOutcome.Failed;
        record.Reason = condition.Reason;
    }

    /// <summary>training-operator's conditions: Succeeded and Failed are final, like a Job's Complete and Failed.</summary>
    public void OnObjectEvent(WatchEventType type, PyTorchJob job)
    {
        if (RecordOf(type, job.Kind, job.Metadata) is not { } record) return;
        int failed = 0;
        foreach (var (_, counts) in job.Status.ReplicaStatuses) failed += counts.Failed;
        record.FailedPods = failed;
        if (record.Completed is not null) return;
        foreach (var condition in job.Status.Conditions)
        {
            if (condition.Type is not ("Succeeded" or "Failed")) continue;
            record.Completed = condition.LastTransitionTime;
            record.Outcome = condition.Type == "Succeeded" ? JobOutcome.Complete : JobOutcome.Failed;
            record.Reason = condition.Reason;
            return;
        }
    }

    /// <summary>The record of a job, created on its first sighting (not for a removal seen first).</summary>
    private JobRecord? RecordOf(WatchEventType type, string kind, ObjectMeta metadata)
    {
        if (_byUid.TryGetValue(metadata.Uid, out var record)) return record;
        if (type == WatchEventType.Deleted) return null;
        record = new JobRecord
        {
            Kind = kind,
            Namespace = metadata.Namespace,
            Name = metadata.Name,
            Uid = metadata.Uid,
            Submitted = metadata.CreationTimestamp,
        };
        _records.Add(record);
        _byUid.Add(record.Uid, record);
        return record;
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod.Metadata.Controller is not { Kind: "Job" or "PyTorchJob" } owner || !_byUid.TryGetValue(owner.Uid, out var record)) return;
        var uid = pod.Metadata.Uid;
        if (!_podRestarts.TryGetValue(uid, out int restarts))
        {
            // A removal is the last event of a pod: one seen first there was never counted.
            if (type == WatchEventType.Deleted) return;
            record.Attempts++;
        }
        if (pod.Status.Phase == PodPhase.Running && record.FirstStart is null)
        {
            record.FirstStart = _sim.Now;
            if (record.Outcome == JobOutcome.Pending) record.Outcome = JobOutcome.Running;
        }
        if (pod.Spec.RestartPolicy == RestartPolicy.OnFailure) record.Restarts += pod.Status.RestartCount - restarts;
        if (type == WatchEventType.Deleted) _podRestarts.Remove(uid);
        else _podRestarts[uid] = pod.Status.RestartCount;
    }
}
