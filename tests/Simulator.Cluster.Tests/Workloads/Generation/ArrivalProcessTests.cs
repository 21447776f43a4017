using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Generation;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads.Generation;

/// <summary>
/// Generated arrivals are a Poisson process at the configured rate: counts in a window fall in
/// the Poisson count's 99.9 % interval (normal approximation, fine at these means), hourly counts
/// have variance equal to their mean, and a step at rate 0 is a gap with no arrival at all.
/// </summary>
public class ArrivalProcessTests
{
    private static readonly double Z = Normal.InvCDF(0, 1, 0.9995);

    private static SimTime Hours(double h) => SimTime.Zero + SimDuration.FromMicroseconds((long)(h * 3_600_000_000));

    private static List<SimTime> Arrivals(IReadOnlyList<ArrivalRateStep> steps, SimTime from, SimTime until, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var process = new ArrivalProcess(steps);
        var arrivals = new List<SimTime>();
        var t = from;
        while (process.Next(t, -Math.Log(1 - random.NextDouble())) is { } next && next < until)
        {
            arrivals.Add(next);
            t = next;
        }
        return arrivals;
    }

    private static void AssertPoissonCount(double expectedMean, int count)
    {
        double halfWidth = Z * Math.Sqrt(expectedMean);
        Assert.InRange(count, expectedMean - halfWidth, expectedMean + halfWidth);
    }

    [Fact]
    public void A_constant_rate_gives_rate_times_time_arrivals_within_the_poisson_interval()
    {
        // 3 jobs/h for 10,000 h: mean 30,000, interval +/- 570.
        var arrivals = Arrivals([new ArrivalRateStep(SimTime.Zero, 3)], SimTime.Zero, Hours(10_000), seed: 7);
        AssertPoissonCount(30_000, arrivals.Count);
    }

    [Fact]
    public void Hourly_counts_have_variance_equal_to_their_mean()
    {
        var arrivals = Arrivals([new ArrivalRateStep(SimTime.Zero, 4)], SimTime.Zero, Hours(20_000), seed: 11);
        var perHour = new int[20_000];
        foreach (var a in arrivals) perHour[(int)(a.Microseconds / 3_600_000_000)]++;
        double mean = perHour.Average();
        double variance = perHour.Sum(c => (c - mean) * (c - mean)) / (perHour.Length - 1);
        // Index of dispersion of 20,000 Poisson counts: 1 +/- about 0.01 (standard error sqrt(2 / n)).
        Assert.InRange(variance / mean, 0.96, 1.04);
        Assert.InRange(mean, 4 - Z * Math.Sqrt(4.0 / 20_000), 4 + Z * Math.Sqrt(4.0 / 20_000));
    }

    [Fact]
    public void Steps_change_the_rate_and_a_zero_step_is_a_gap()
    {
        IReadOnlyList<ArrivalRateStep> steps =
        [
            new(Hours(100), 2),
            new(Hours(2_100), 0),
            new(Hours(3_100), 6),
        ];
        var arrivals = Arrivals(steps, SimTime.Zero, Hours(4_100), seed: 3);
        Assert.All(arrivals, a => Assert.True(a >= Hours(100), "nothing before the first step"));
        AssertPoissonCount(4_000, arrivals.Count(a => a < Hours(2_100)));
        Assert.DoesNotContain(arrivals, a => a >= Hours(2_100) && a < Hours(3_100));
        AssertPoissonCount(6_000, arrivals.Count(a => a >= Hours(3_100)));
    }

    [Fact]
    public void A_final_rate_of_zero_ends_the_process()
    {
        var process = new ArrivalProcess([new ArrivalRateStep(SimTime.Zero, 1), new ArrivalRateStep(Hours(1), 0)]);
        // An exponential draw of 5 needs 5 hours at 1 job/h; only 1 hour of that rate exists.
        Assert.Null(process.Next(SimTime.Zero, 5));
    }

    [Fact]
    public void The_integrated_rate_crosses_steps_exactly()
    {
        // 1 job/h for an hour uses up 1 of the draw; the remaining 2 take 1 h at 2 jobs/h.
        var process = new ArrivalProcess([new ArrivalRateStep(SimTime.Zero, 1), new ArrivalRateStep(Hours(1), 2)]);
        Assert.Equal(Hours(2), process.Next(SimTime.Zero, 3));
    }
}
