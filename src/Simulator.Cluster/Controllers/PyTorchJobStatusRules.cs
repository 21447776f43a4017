using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// How training-operator v1 derives a PyTorchJob's conditions from its pods: the per-replica
/// counts (updateJobReplicaStatuses), the job-level conditions (the PyTorchJob reconciler's
/// UpdateJobStatus) and the limits that fail it (PastBackoffLimit, PastActiveDeadline).
/// </summary>
internal static class PyTorchJobStatusRules
{
    /// <summary>Beyond this a deadline (about 3000 years) can never be reached; it also keeps the timer from overflowing.</summary>
    public const long MaxDeadlineSeconds = 100_000_000_000;

    /// <summary>
    /// One pod in the replica counts: Running is active unless it is being deleted (then failed,
    /// so that pods lost with their node count); Pending pods are in no count.
    /// </summary>
    public static (int Active, int Succeeded, int Failed) Count((int Active, int Succeeded, int Failed) counts, Pod pod) =>
        pod.Status.Phase switch
        {
            PodPhase.Running when pod.IsTerminating => (counts.Active, counts.Succeeded, counts.Failed + 1),
            PodPhase.Running => (counts.Active + 1, counts.Succeeded, counts.Failed),
            PodPhase.Succeeded => (counts.Active, counts.Succeeded + 1, counts.Failed),
            PodPhase.Failed => (counts.Active, counts.Succeeded, counts.Failed + 1),
            _ => counts,
        };

    /// <summary>
    /// Running, Succeeded, Restarting or Failed from the replica counts. With a Master the job
    /// follows the Master alone (running while it runs, done when it succeeded); without one it is
    /// done when every Worker succeeded. A replica type with failed pods and fewer pods running or
    /// done than wanted makes the job Restarting, or Failed under restartPolicy Never.
    /// </summary>
    public static void Update(PyTorchJob job, SimTime now, ClusterStore store)
    {
        var status = job.Status;
        bool hasMaster = job.Spec.ReplicaSpecs.ContainsKey(PyTorchJob.Master);
        foreach (var type in PyTorchJob.ReplicaTypes)
        {
            if (!job.Spec.ReplicaSpecs.TryGetValue(type, out var spec)) continue;
            var (running, succeeded, failed) = status.ReplicaStatuses.GetValueOrDefault(type);
            int expected = spec.Replicas - succeeded;
            if (hasMaster && type == PyTorchJob.Master)
            {
                if (running > 0) SetRunning(job, now, $"PyTorchJob {job.Name} is running.");
                if (expected == 0)
                {
                    Succeed(job, now, store, $"PyTorchJob {job.Name} is successfully completed.");
                    return;
                }
            }
            else if (!hasMaster && type == PyTorchJob.Worker)
            {
                if (expected == 0) Succeed(job, now, store, $"PyTorchJob {job.Metadata.Key} successfully completed.");
                else if (running > 0) SetRunning(job, now, $"PyTorchJob {job.Metadata.Key} is running.");
            }

            if (failed == 0 || spec.Replicas <= succeeded + running) continue;
            if (spec.RestartPolicy != RestartPolicy.Never)
            {
                var message = $"PyTorchJob {job.Name} is restarting because {failed} {type} replica(s) failed.";
                if (status.SetCondition(PyTorchJob.Restarting, "PyTorchJobRestarting", message, now))
                    store.RecordEvent(EventType.Warning, "PyTorchJobRestarting", job.Kind, job.Metadata.Key, message, PyTorchJobController.ComponentName);
            }
            else
            {
                Fail(job, now, store, $"PyTorchJob {job.Name} is failed because {failed} {type} replica(s) failed.");
            }
        }
    }

    /// <summary>
    /// PastBackoffLimit: the container restarts of the Running pods of OnFailure and Always
    /// replicas reach backoffLimit (or any restart when it is 0). A re-created pod starts again
    /// from 0 restarts, as in the operator.
    /// </summary>
    public static bool PastBackoffLimit(PyTorchJob job, IEnumerable<Pod> pods)
    {
        if (job.Spec.RunPolicy.BackoffLimit is not { } limit) return false;
        int restarts = 0;
        foreach (var pod in pods)
        {
            if (pod.Status.Phase != PodPhase.Running || SpecOf(job, pod) is not { } spec) continue;
            if (spec.RestartPolicy is RestartPolicy.OnFailure or RestartPolicy.Always) restarts += pod.Status.RestartCount;
        }
        return limit == 0 ? restarts > 0 : restarts >= limit;
    }

    public static bool PastActiveDeadline(PyTorchJob job, SimTime now) =>
        job.Spec.RunPolicy.ActiveDeadlineSeconds is { } seconds && seconds <= MaxDeadlineSeconds &&
        job.Status.StartTime is { } start && now - start >= SimDuration.FromSeconds(seconds);

    /// <summary>The replica spec a pod was made from, by its replica-type label.</summary>
    public static ReplicaSpec? SpecOf(PyTorchJob job, Pod pod)
    {
        if (!pod.Metadata.Labels.TryGetValue(TrainingOperatorLabels.ReplicaType, out var type)) return null;
        foreach (var name in PyTorchJob.ReplicaTypes)
            if (string.Equals(name, type, StringComparison.OrdinalIgnoreCase))
                return job.Spec.ReplicaSpecs.GetValueOrDefault(name);
        return null;
    }

    /// <summary>Marks the job Failed (reason PyTorchJobFailed, a Normal event as the operator records it).</summary>
    public static void Fail(PyTorchJob job, SimTime now, ClusterStore store, string message)
    {
        job.Status.CompletionTime ??= now;
        if (job.Status.SetCondition(PyTorchJob.Failed, "PyTorchJobFailed", message, now))
            store.RecordEvent(EventType.Normal, "PyTorchJobFailed", job.Kind, job.Metadata.Key, message, PyTorchJobController.ComponentName);
    }

    private static void Succeed(PyTorchJob job, SimTime now, ClusterStore store, string message)
    {
        job.Status.CompletionTime ??= now;
        if (job.Status.SetCondition(PyTorchJob.Succeeded, "PyTorchJobSucceeded", message, now))
            store.RecordEvent(EventType.Normal, "PyTorchJobSucceeded", job.Kind, job.Metadata.Key, message, PyTorchJobController.ComponentName);
    }

    private static void SetRunning(PyTorchJob job, SimTime now, string message) =>
        job.Status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", message, now);
}
