using Simulator.Cluster.Scheduling.Framework;
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
    public static SchedulerProfile Create(ProfileContext context)
    {
        var profile = DefaultProfile.Create(context);
        var store = context.Store ?? throw new ArgumentException("the gang profile reads PodGroups from the cluster store", nameof(context));
        var coscheduling = new Coscheduling(store, context.WaitingPods);
        return profile with
        {
            Name = "gang",
            QueueSort = coscheduling,
            PreFilters = [.. profile.PreFilters, coscheduling],
            PostFilters = [.. profile.PostFilters, coscheduling],
            Reserves = [.. profile.Reserves, coscheduling],
            Permits = [.. profile.Permits, coscheduling],
        };
    }
}
