namespace Simulator.Cluster.Metrics;

/// <summary>Distribution of a latency in seconds, nearest-rank percentiles.</summary>
public sealed record LatencySummary(int Count, double P50Seconds, double P95Seconds, double MaxSeconds);

/// <summary>The headline metrics of one run: summary.json.</summary>
public sealed record RunSummary
{
    public required double SimulatedSeconds { get; init; }
    public required long EventsProcessed { get; init; }
    public required int PodsCreated { get; init; }
    public required int PodsScheduled { get; init; }

    /// <summary>Pods that never got a node by the end of the run despite at least one attempt.</summary>
    public required int PodsUnschedulable { get; init; }

    /// <summary>Pods that were reported unschedulable at least once (FailedScheduling).</summary>
    public required int PodsEverUnschedulable { get; init; }
    public required int PodsSucceeded { get; init; }
    public required int PodsFailed { get; init; }
    public required int PodsRunningAtEnd { get; init; }
    public required int PodsPendingAtEnd { get; init; }
    public required LatencySummary SchedulingLatency { get; init; }

    /// <summary>Per resource: time-integral of requested over time-integral of allocatable (ready nodes).</summary>
    public required IReadOnlyDictionary<string, double> AllocationRatio { get; init; }

    // Workload, fault and autoscaling sections: empty by default, as in a run without Jobs, Deployments, failures or HPAs.
    public JobsSummary Jobs { get; init; } = JobsSummary.None;
    public PodDisruptionSummary PodDisruptions { get; init; } = PodDisruptionSummary.None;
    public NodeHealthSummary NodeHealth { get; init; } = NodeHealthSummary.None;
    public RecoverySummary TimeToRecover { get; init; } = RecoverySummary.None;
    public HpaSummary Hpa { get; init; } = HpaSummary.None;

    /// <summary>Training jobs: completion time, makespan, GPU-hours lost to failures.</summary>
    public TrainingSummary Training { get; init; } = TrainingSummary.None;

    /// <summary>Per GPU model: time-integral of allocated GPUs (whole and shares) over time-integral of GPUs on Ready nodes.</summary>
    public IReadOnlyDictionary<string, double> GpuAllocationByModel { get; init; } = new Dictionary<string, double>();

    /// <summary>Per WorkloadGenerator, in scenario order: Jobs created and the measure window's mean completion time.</summary>
    public IReadOnlyList<Workloads.Generation.GeneratorSummary> Generators { get; init; } = [];

    /// <summary>The TraceReplay's pods and, in fill mode, its allocation at 90-130 % arrived; null without one.</summary>
    public TraceReplaySummary? TraceReplay { get; init; }

    /// <summary>NodePools' node-hours and cost, and idle GPU-hours.</summary>
    public CostSummary Cost { get; init; } = CostSummary.None;

    /// <summary>What the Cluster Autoscaler did; null when no NodePool has spec.autoscaling.</summary>
    public Controllers.ClusterAutoscaler.ClusterAutoscalerSummary? ClusterAutoscaler { get; init; }
}
