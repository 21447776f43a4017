using Simulator.Engine;
using Dist = MathNet.Numerics.Distributions;

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

    public static DurationDistribution Weibull(double shape, SimDuration scale) => new(DistributionKind.Weibull, shape, scale.TotalSeconds);

    /// <summary>A log-normal duration given its median (e^μ) and σ.</summary>
    public static DurationDistribution LogNormal(SimDuration median, double sigma) => new(DistributionKind.LogNormal, Math.Log(median.TotalSeconds), sigma);

    /// <summary>
    /// Draws are capped at 100 years: longer ones never come due in a run, and the cap keeps
    /// the clock arithmetic far from overflow.
    /// </summary>
    public static readonly SimDuration MaxSample = SimDuration.FromHours(100L * 8766);

    /// <summary>The mean in seconds, for reports and sanity checks.</summary>
    public double MeanSeconds => Kind switch
    {
        DistributionKind.Constant => P1,
        DistributionKind.Exponential => P1,
        DistributionKind.Weibull => P2 * MathNet.Numerics.SpecialFunctions.Gamma(1 + 1 / P1),
        DistributionKind.LogNormal => Math.Exp(P1 + P2 * P2 / 2),
        _ => double.NaN,
    };

    /// <summary>
    /// One draw from <paramref name="random"/> (a named stream, so reruns repeat it), rounded to
    /// the microsecond. A constant draws nothing, so it never shifts the stream.
    /// </summary>
    public SimDuration Sample(System.Random random)
    {
        double seconds = Kind switch
        {
            DistributionKind.Constant => P1,
            DistributionKind.Exponential => Dist.Exponential.Sample(random, 1 / P1),
            DistributionKind.Weibull => Dist.Weibull.Sample(random, P1, P2),
            DistributionKind.LogNormal => Dist.LogNormal.Sample(random, P1, P2),
            _ => double.NaN,
        };
        if (double.IsNaN(seconds)) throw new ArgumentException($"cannot sample {this}");
        return SimDuration.FromSeconds(Math.Clamp(seconds, 0, MaxSample.TotalSeconds));
    }
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
