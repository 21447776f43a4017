using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>Everything one run produced, ready to be written out by Simulator.Reporting.</summary>
public sealed record RunResult
{
    public required SimTime EndTime { get; init; }

    /// <summary>True when the run was interrupted (Ctrl+C) before its end.</summary>
    public required bool Partial { get; init; }

    /// <summary>Why the run stopped at <see cref="EndTime"/>.</summary>
    public RunEnd EndReason { get; init; } = RunEnd.Duration;
    public required RunSummary Summary { get; init; }

    /// <summary>In creation order.</summary>
    public required IReadOnlyList<PodRecord> Pods { get; init; }
    public required IReadOnlyList<TimeSeriesRow> TimeSeries { get; init; }

    /// <summary>In the order they happened.</summary>
    public required IReadOnlyList<ClusterEvent> Events { get; init; }

    /// <summary>In creation order.</summary>
    public IReadOnlyList<JobRecord> Jobs { get; init; } = [];

    /// <summary>Nodes in the order they were added, each node's intervals in time order.</summary>
    public IReadOnlyList<NodeInterval> Nodes { get; init; } = [];

    /// <summary>By start time.</summary>
    public IReadOnlyList<RecoveryInterval> Recoveries { get; init; } = [];

    /// <summary>Request metrics per Service and metrics interval: by time, then Service.</summary>
    public IReadOnlyList<ServiceInterval> Services { get; init; } = [];

    /// <summary>Each HorizontalPodAutoscaler at each metrics sample: by time, then HPA in creation order.</summary>
    public IReadOnlyList<HpaSample> Hpas { get; init; } = [];

    /// <summary>The scheduling decisions recorded (ksim run --record-decisions, ksim explain); null when none were asked for.</summary>
    public IReadOnlyList<Scheduling.Decisions.SchedulingDecision>? Decisions { get; init; }

    /// <summary>Every request of the run.</summary>
    public RequestSummary Requests { get; init; } = RequestSummary.None;

    /// <summary>A fill-mode TraceReplay's GPU allocation each time the arrived workload passed a whole percent.</summary>
    public IReadOnlyList<AllocationSample> Allocation { get; init; } = [];
}
