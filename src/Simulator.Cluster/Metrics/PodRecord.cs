using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One pod's life, kept after the pod object is gone: one row of pods.csv.
/// <see cref="Deleted"/> marks a pod removed from the API server; until then it is in exactly
/// one <see cref="Phase"/>. An evicted pod keeps the eviction in <see cref="Reason"/>
/// (Evicted, Preempted, TaintManagerEviction) rather than the generic "Deleted".
/// </summary>
public sealed class PodRecord
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required SimTime Created { get; init; }
    public int Priority { get; init; }

    /// <summary>The kind of the pod's controller owner (ReplicaSet, Job), or empty for a bare pod.</summary>
    public string OwnerKind { get; init; } = "";
    public string OwnerName { get; init; } = "";
    public SimTime? Scheduled { get; set; }
    public SimTime? Started { get; set; }
    public SimTime? Finished { get; set; }
    public SimTime? Deleted { get; set; }

    /// <summary>metadata.deletionTimestamp: when the delete was asked for; the pod is Terminating from then until <see cref="Deleted"/>.</summary>
    public SimTime? Terminating { get; set; }
    public string Node { get; set; } = "";
    public string PodIP { get; set; } = "";

    /// <summary>The node's GPUs the pod held (<see cref="Accelerators.GpuAssignment.Describe"/>), empty without GPUs.</summary>
    public string Gpus { get; set; } = "";
    public PodPhase Phase { get; set; } = PodPhase.Pending;
    public int Restarts { get; set; }

    /// <summary>Why it is where it is: Unschedulable, Completed, Deleted...</summary>
    public string Reason { get; set; } = "";

    /// <summary>The last FailedScheduling message, or the termination message.</summary>
    public string Message { get; set; } = "";

    /// <summary>Scheduling attempts that failed (FailedScheduling events).</summary>
    public int FailedSchedulingAttempts { get; set; }

    /// <summary>Removed against its will: by drain, the taint manager, preemption or node-pressure eviction.</summary>
    public bool Evicted { get; set; }
}
