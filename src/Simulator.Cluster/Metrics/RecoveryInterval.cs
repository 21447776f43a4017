using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One outage of a Deployment (or of a ReplicaSet no Deployment controls): from the moment its
/// ready replicas dropped below the desired count to the moment they were back. One row of
/// recoveries.csv. <see cref="To"/> is null when it had not recovered by the end of the run.
/// </summary>
public sealed record RecoveryInterval(string Kind, string Namespace, string Name, SimTime From, SimTime? To)
{
    /// <summary>The time to recover, an unrecovered outage counted up to <paramref name="end"/>.</summary>
    public SimDuration DurationUntil(SimTime end) => (To ?? end) - From;
}
