using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// Spreading: the default plugins with NodeResourcesFit LeastAllocated over CPU, memory and the
/// accelerators (accelerators weighted 3, the mirror of <see cref="BinPackingProfile"/>), so pods
/// go to the emptiest node that fits and a node failure takes as little work as possible with it.
/// </summary>
public static class SpreadProfile
{
    public const string Name = "spread";

    public static ProfileSpec Spec { get; } = (DefaultProfile.Spec with { Name = Name })
        .WithArgs(PluginNames.NodeResourcesFit, new NodeResourcesFitArgs(ScoringStrategyType.LeastAllocated, BinPackingProfile.Resources));
}
