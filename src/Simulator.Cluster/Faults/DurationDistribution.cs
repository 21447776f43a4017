using Simulator.Engine;

namespace Simulator.Cluster.Faults;

public enum DistributionKind
{
    Constant,
    Exponential,
    Weibull,
    LogNormal,
}

/// <summary>
/// A distribution of durations for fault models (time to failure, time to repair). Parameters
/// are in seconds: Constant(value), Exponential(mean), Weibull(shape k, scale λ),
/// LogNormal(μ, σ of the natural log of the duration in seconds).
/// </summary>
public sealed record DurationDistribution(DistributionKind Kind, double P1, double P2 = 0)
{
    public static DurationDistribution Constant(SimDuration value) => new(DistributionKind.Constant, value.TotalSeconds);

    public static DurationDistribution Exponential(SimDuration mean) => new(DistributionKind.Exponential, mean.TotalSeconds);
}

/// <summary>
/// A random fault model: nodes matching <see cref="NodeSelector"/> fail after a time drawn from
/// <see cref="TimeToFailure"/> and come back after <see cref="TimeToRepair"/>. With
/// <see cref="CorrelatedBy"/> set (a label key such as topology.kubernetes.io/zone), the failure
/// clock runs per label value and all matching nodes sharing that value fail and recover together.
/// </summary>
public sealed record FaultModel(
    string Name,
    Api.LabelSelector NodeSelector,
    DurationDistribution TimeToFailure,
    DurationDistribution TimeToRepair,
    string? CorrelatedBy = null);
