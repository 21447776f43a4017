using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// Spreading: the default plugins with NodeResourcesFit LeastAllocated over CPU, memory and the
/// accelerators (accelerators weighted 3, the mirror of <see cref="BinPackingProfile"/>), so pods
/// go to the emptiest node that fits and a node failure takes as little work as possible with it;
/// and PodTopologySpread with <see cref="DefaultConstraints"/> (defaultingType List), so replicas
/// of one Service or ReplicaSet also spread evenly over hostnames and zones.
/// </summary>
public static class SpreadProfile
{
    public const string Name = "spread";

    /// <summary>
    /// Hostname and zone, maxSkew 1, ScheduleAnyway: what a KubeSchedulerConfiguration would put in
    /// PodTopologySpreadArgs.defaultConstraints. As in kube-scheduler they apply to pods that set no
    /// constraints and that a Service or ReplicaSet selects, with those objects' selector.
    /// </summary>
    public static IReadOnlyList<TopologySpreadConstraint> DefaultConstraints { get; } =
    [
        new(1, PodTopologySpreadArgs.HostnameLabel, UnsatisfiableConstraintAction.ScheduleAnyway, null),
        new(1, PodTopologySpreadArgs.ZoneLabel, UnsatisfiableConstraintAction.ScheduleAnyway, null),
    ];

    public static ProfileSpec Spec { get; } = (DefaultProfile.Spec with { Name = Name })
        .WithArgs(PluginNames.NodeResourcesFit, new NodeResourcesFitArgs(ScoringStrategyType.LeastAllocated, BinPackingProfile.Resources))
        .WithArgs(PluginNames.PodTopologySpread, new PodTopologySpreadArgs(DefaultConstraints, SpreadDefaultingType.List));
}
