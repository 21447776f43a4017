using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// The cluster at one sampling instant: one row of timeseries.csv. Per-resource values are
/// keyed by resource name; <see cref="Requested"/> counts bound, unfinished pods and
/// <see cref="Allocatable"/> counts ready nodes.
/// </summary>
public sealed record TimeSeriesRow(
    SimTime Time,
    int PendingPods,
    int RunningPods,
    int SucceededPods,
    int FailedPods,
    int ReadyNodes,
    IReadOnlyDictionary<string, long> Requested,
    IReadOnlyDictionary<string, long> Allocatable);
