using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>The default profile plus a score for the accelerator that trains the pod's model fastest. TODO(training helper).</summary>
public static class FastestAcceleratorProfile
{
    public static SchedulerProfile Create(ProfileContext context)
    {
        var profile = DefaultProfile.Create(context);
        return profile;
    }
}
