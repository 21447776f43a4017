using Simulator.Cluster.Scheduling.Framework;

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
}
