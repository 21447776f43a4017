using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>One point of RequestedToCapacityRatio's shape: utilization 0..100 maps to score 0..10.</summary>
public readonly record struct UtilizationShapePoint(int Utilization, int Score);

/// <summary>
/// NodeResourcesFitArgs.scoringStrategy: the strategy, the resources it scores with their weights,
/// and, for RequestedToCapacityRatio, the shape.
/// </summary>
public sealed record NodeResourcesFitArgs(
    ScoringStrategyType Type,
    IReadOnlyList<ResourceWeight> Resources,
    IReadOnlyList<UtilizationShapePoint>? Shape = null) : PluginArgs
{
    /// <summary>kube-scheduler's defaults: LeastAllocated over cpu and memory, weight 1 each.</summary>
    public static NodeResourcesFitArgs Default { get; } = new(ScoringStrategyType.LeastAllocated, NodeResourcesFit.DefaultResources);
}
