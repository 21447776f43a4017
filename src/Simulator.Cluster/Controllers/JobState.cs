using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// What the Job controller knows about one Job between syncs: its active pods (in creation
/// order), the pods that finished since the last sync and how, and its pending timers. Finished
/// pods are remembered only by UID, so a long Job costs memory per pod but no work per sync.
/// </summary>
internal sealed class JobState(Job job)
{
    /// <summary>A pod that left the active set: it succeeded, or failed (including deleted before it finished).</summary>
    public readonly record struct Outcome(Pod Pod, bool Succeeded, SimTime At);

    private readonly HashSet<string> _activeUids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finishedUids = new(StringComparer.Ordinal);

    public Job Job { get; } = job;

    /// <summary>Pods neither finished nor being deleted, oldest first.</summary>
    public List<Pod> Active { get; } = [];

    /// <summary>Finishes seen since the last sync, in the order they happened.</summary>
    public List<Outcome> Outcomes { get; } = [];

    public JobBackoff Backoff;

    /// <summary>The zero-delay sync queued after a change.</summary>
    public EventHandle Sync { get; set; }

    /// <summary>A sync delayed until pod-creation backoff ends.</summary>
    public EventHandle BackoffSync { get; set; }

    public SimTime BackoffSyncAt { get; set; }

    /// <summary>The sync at status.startTime + activeDeadlineSeconds.</summary>
    public EventHandle DeadlineSync { get; set; }

    /// <summary>
    /// Applies a watch event for one of the Job's pods. A pod counts as failed once it is Failed,
    /// or deleted (or being deleted) before it succeeded, as the Job controller counts pods
    /// removed without finishing. Returns false if the pod was already accounted for.
    /// </summary>
    public bool Observe(WatchEventType type, Pod pod, SimTime now)
    {
        var uid = pod.Metadata.Uid;
        if (_finishedUids.Contains(uid)) return false;
        bool finished = type == WatchEventType.Deleted || pod.IsTerminal || pod.IsTerminating;
        if (!finished)
        {
            if (_activeUids.Add(uid)) Active.Add(pod);
            return true;
        }
        if (_activeUids.Remove(uid)) Active.Remove(pod);
        _finishedUids.Add(uid);
        Outcomes.Add(new Outcome(pod, pod.Status.Phase == PodPhase.Succeeded, now));
        return true;
    }

    /// <summary>Marks an active pod as finished by the controller itself (deleted when the Job failed).</summary>
    public void Forget(Pod pod)
    {
        if (_activeUids.Remove(pod.Metadata.Uid)) Active.Remove(pod);
        _finishedUids.Add(pod.Metadata.Uid);
    }
}
