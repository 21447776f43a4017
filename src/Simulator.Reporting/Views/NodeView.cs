using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Views;

/// <summary>
/// One node as <c>kubectl get nodes</c> shows it at a virtual time: STATUS is the Ready condition
/// (Ready, or NotReady also for Unknown), with ",SchedulingDisabled" while cordoned.
/// </summary>
/// <param name="ReadySince">When the Ready condition last changed (the Ready/NotReady interval's start).</param>
public sealed record NodeView(string Name, string Pool, bool Ready, SimTime ReadySince, bool Unschedulable, SimTime Added, SimTime? Removed, SimDuration Age)
{
    public string Status => (Ready ? "Ready" : "NotReady") + (Unschedulable ? ",SchedulingDisabled" : "");
}
