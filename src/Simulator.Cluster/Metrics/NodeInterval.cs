using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>A node's state as its Ready condition tells it; Unknown (no heartbeats) counts as NotReady.</summary>
public enum NodeState
{
    Ready,
    NotReady,
}

/// <summary>
/// One stretch of time a node spent in one <see cref="NodeState"/>: one row of nodes.csv.
/// <see cref="To"/> is null while the node is still in that state at the end of the run.
/// Every row repeats when its node was added and removed, so each row stands on its own.
/// </summary>
public sealed record NodeInterval(string Node, string Pool, NodeState State, SimTime From, SimTime? To, SimTime Added, SimTime? Removed)
{
    /// <summary>The length of the interval, an open one counted up to <paramref name="end"/>.</summary>
    public SimDuration DurationUntil(SimTime end) => (To ?? end) - From;
}
