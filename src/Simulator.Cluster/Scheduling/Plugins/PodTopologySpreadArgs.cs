using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>PodTopologySpreadArgs.defaultingType.</summary>
public enum SpreadDefaultingType
{
    /// <summary>The built-in system defaults (hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway).</summary>
    System,

    /// <summary>The <see cref="PodTopologySpreadArgs.DefaultConstraints"/> given.</summary>
    List,
}

/// <summary>
/// kube-scheduler's PodTopologySpreadArgs: constraints for pods that set none. Either way the
/// defaults apply only to pods some Service or ReplicaSet selects, with the union of those
/// selectors (helper.DefaultSelector); their own labelSelector must be empty.
/// </summary>
public sealed record PodTopologySpreadArgs(IReadOnlyList<TopologySpreadConstraint> DefaultConstraints, SpreadDefaultingType DefaultingType) : PluginArgs
{
    public const string HostnameLabel = NodePool.HostnameLabel;

    public const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary>kube-scheduler's systemDefaultConstraints (podtopologyspread/plugin.go).</summary>
    public static IReadOnlyList<TopologySpreadConstraint> SystemDefaultConstraints { get; } =
    [
        new(3, HostnameLabel, UnsatisfiableConstraintAction.ScheduleAnyway, null),
        new(5, ZoneLabel, UnsatisfiableConstraintAction.ScheduleAnyway, null),
    ];

    /// <summary>The default: defaultingType System.</summary>
    public static PodTopologySpreadArgs Default { get; } = new([], SpreadDefaultingType.System);

    /// <summary>The constraints defaulted pods get.</summary>
    public IReadOnlyList<TopologySpreadConstraint> EffectiveDefaults =>
        DefaultingType == SpreadDefaultingType.System ? SystemDefaultConstraints : DefaultConstraints;
}
