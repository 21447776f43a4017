using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Queue;

/// <summary>The scheduling queue's timings, with kube-scheduler's defaults.</summary>
public sealed record QueueSettings
{
    /// <summary>podInitialBackoffSeconds = 1.</summary>
    public SimDuration InitialBackoff { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>podMaxBackoffSeconds = 10.</summary>
    public SimDuration MaxBackoff { get; init; } = SimDuration.FromSeconds(10);

    /// <summary>DefaultPodMaxInUnschedulablePodsDuration = 5 min.</summary>
    public SimDuration MaxInUnschedulablePods { get; init; } = SimDuration.FromMinutes(5);

    /// <summary>How often the unschedulable pool is checked for pods that waited too long (30 s).</summary>
    public SimDuration UnschedulableFlushPeriod { get; init; } = SimDuration.FromSeconds(30);

    /// <summary>How often the backoff queue is flushed into the active queue (1 s).</summary>
    public SimDuration BackoffFlushPeriod { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>SchedulerPopFromBackoffQ (beta, on since v1.33): take a backing-off pod when nothing is active.</summary>
    public bool PopFromBackoffQ { get; init; } = true;
}
