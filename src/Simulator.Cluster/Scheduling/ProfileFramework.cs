using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// One profile as the scheduler runs it (kube-scheduler's per-profile Framework in profile.Map):
/// its plugins, its own scheduling cycle (so each profile keeps its own nextStartNodeIndex) and
/// its Permit plugins over the scheduler's one waiting-pods map.
/// </summary>
internal sealed class ProfileFramework(SchedulerProfile profile, SchedulingCycle cycle, PermitGate permit)
{
    public SchedulerProfile Profile { get; } = profile;
    public SchedulingCycle Cycle { get; } = cycle;
    public PermitGate Permit { get; } = permit;

    /// <summary>
    /// Builds the profile's plugins from <paramref name="spec"/> with the scheduler's shared
    /// context, whose RunFilters is replaced by this profile's own filters (preemption's dry runs
    /// must filter as the profile does). All profiles share the tie-breaking stream and the
    /// nominator: nominated room is the same room whichever profile nominated it.
    /// </summary>
    public static ProfileFramework Create(ProfileSpec spec, ProfileContext shared, Simulation sim, Nominator nominator,
        WaitingPodMap waiting, Action onPermitDecisions)
    {
        SchedulingCycle? cycle = null;
        var profile = ProfileBuilder.Build(spec, shared with { RunFilters = (pod, node) => cycle!.RunFilters(pod, node) });
        cycle = new SchedulingCycle(profile, sim.Random.Get("scheduler-ties")) { Nominator = nominator };
        return new ProfileFramework(profile, cycle, new PermitGate(profile.Permits, sim, waiting, onPermitDecisions));
    }
}
