using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>The default profile plus scheduler-plugins' Coscheduling (all-or-nothing pod groups). TODO(gang helper): add Coscheduling.</summary>
public static class GangProfile
{
    public static SchedulerProfile Create(ProfileContext context)
    {
        var profile = DefaultProfile.Create(context);
        return profile;
    }
}
