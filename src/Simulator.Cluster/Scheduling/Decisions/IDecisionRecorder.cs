using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Decisions;

/// <summary>
/// Receives what scheduling attempts decided. A <see cref="SchedulingCycle"/> without a recorder
/// (the default) builds nothing; with one, it builds a <see cref="SchedulingDecision"/> only for
/// the pods <see cref="ShouldRecord"/> accepts.
/// </summary>
public interface IDecisionRecorder
{
    bool ShouldRecord(Pod pod);

    void Record(SchedulingDecision decision);
}
