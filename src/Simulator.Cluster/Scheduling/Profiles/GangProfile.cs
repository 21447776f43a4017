using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// The default profile plus scheduler-plugins' Coscheduling, configured as its README says:
/// Coscheduling replaces PrioritySort as QueueSort and is added after the defaults at PreFilter,
/// PostFilter (after DefaultPreemption), Reserve and Permit. Pods without a pod group schedule as
/// with the default profile.
/// </summary>
public static class GangProfile
{
    public const string Name = "gang";

    public static ProfileSpec Spec { get; } = (DefaultProfile.Spec with { Name = Name })
        .Disable(PluginNames.PrioritySort)
        .Enable(Coscheduling.PluginName);
}
