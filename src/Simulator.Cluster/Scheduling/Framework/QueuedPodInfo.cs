using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>A pod waiting in the scheduling queue, with its attempt history.</summary>
public sealed class QueuedPodInfo
{
    public QueuedPodInfo(PodInfo info, SimTime now, long sequence)
    {
        Info = info;
        Timestamp = now;
        InitialAttemptTimestamp = now;
        Sequence = sequence;
    }

    public PodInfo Info { get; }

    public Api.Pod Pod => Info.Pod;

    /// <summary>When the pod last entered the active queue (PrioritySort's tie-break).</summary>
    public SimTime Timestamp { get; set; }

    public SimTime InitialAttemptTimestamp { get; }

    /// <summary>Tie-break of last resort, so that equal pods keep a deterministic order.</summary>
    public long Sequence { get; set; }

    /// <summary>Scheduling attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the pod was last found unschedulable (start of its backoff and its stay in the pool).</summary>
    public SimTime LastFailure { get; set; }

    /// <summary>Events registered by the plugins that rejected it in the last attempt.</summary>
    public ClusterEventKind RequeueOn { get; set; }

    /// <summary>Bumped on every move, so stale heap entries can be recognised and dropped.</summary>
    public int QueueVersion { get; set; }

    /// <summary>Where the pod is now.</summary>
    public QueueLocation Location { get; set; }
}

public enum QueueLocation
{
    None,
    Active,
    Backoff,
    Unschedulable,
}
