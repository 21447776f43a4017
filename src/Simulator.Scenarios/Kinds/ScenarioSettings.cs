using Simulator.Cluster.Faults;
using Simulator.Engine;

namespace Simulator.Scenarios.Kinds;

/// <summary>What a <c>Scenario</c> document sets; null where it leaves ksim's default.</summary>
internal sealed record ScenarioSettings
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public ulong? Seed { get; init; }
    public SimDuration? Duration { get; init; }
    public string? Profile { get; init; }
    public SimDuration? MetricsInterval { get; init; }
    public long? ImagePullBytesPerSecond { get; init; }
    public SimDuration? ContainerStartTime { get; init; }
    public IReadOnlyList<TimelineAction> Timeline { get; init; } = [];
    public IReadOnlyList<FaultModel> FaultModels { get; init; } = [];

    /// <summary>The ThroughputTable section: Gavel's table with the scenario's rows; null: Gavel's alone.</summary>
    public Cluster.Workloads.Training.ThroughputTable? Throughput { get; init; }

    /// <summary>spec.clusterAutoscaler over CA's defaults; null: the defaults.</summary>
    public Cluster.Controllers.ClusterAutoscaler.ClusterAutoscalerSettings? ClusterAutoscaler { get; init; }
}
