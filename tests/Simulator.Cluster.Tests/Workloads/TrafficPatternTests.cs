using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>
/// Arrival counts against the integral of the pattern's rate. Counts are Poisson, so each
/// tolerance is four standard deviations (the square root of the expected count).
/// </summary>
public class TrafficPatternTests
{
    public static TheoryData<string, TrafficPattern, string, double> Patterns => new()
    {
        { "constant", new TrafficPattern { Rate = 20 }, "1h", 72_000 },
        {
            "steps", new TrafficPattern
            {
                Kind = TrafficPatternKind.Steps,
                Points = [(SimTime.Zero, 5), (TestCluster.At("1h"), 20), (TestCluster.At("2h"), 0)],
            },
            "3h", 90_000
        },
        // Whole periods: the sine integrates to zero.
        { "diurnal", new TrafficPattern { Kind = TrafficPatternKind.Diurnal, Rate = 10, Amplitude = 10, Period = SimDuration.FromHours(1) }, "10h", 360_000 },
        // 1 minute in 10 at 100/s, the rest at 10/s: 19/s on average.
        {
            "bursts", new TrafficPattern
            {
                Kind = TrafficPatternKind.Bursts, Rate = 10, PeakRate = 100,
                BurstEvery = SimDuration.FromMinutes(10), BurstLength = SimDuration.FromMinutes(1),
            },
            "2h", 136_800
        },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Arrivals_follow_the_integral_of_the_rate(string name, TrafficPattern pattern, string duration, double expected)
    {
        var h = new ServingHarness(seed: 21);
        h.Cluster.Sim.AddTraffic(new Traffic { Name = name, Target = "web", Pattern = pattern });
        h.Cluster.RunTo(duration);

        Assert.InRange(h.Stats.Arrivals, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    /// <summary>Diurnal with the amplitude equal to the base: the sine's positive half-period against its negative one.</summary>
    [Fact]
    public void A_diurnal_pattern_is_busier_at_its_peak_than_at_its_trough()
    {
        var h = new ServingHarness(seed: 22);
        h.Cluster.Sim.AddTraffic(new Traffic
        {
            Name = "day",
            Target = "web",
            Pattern = new TrafficPattern { Kind = TrafficPatternKind.Diurnal, Rate = 10, Amplitude = 10, Period = SimDuration.FromHours(4) },
        });
        h.Cluster.RunTo("2h");
        long peakHalf = h.Stats.Arrivals;
        h.Cluster.RunTo("4h");
        long troughHalf = h.Stats.Arrivals - peakHalf;

        // Integral of 10 + 10 sin over the first half-period is 10 T/2 + 10 T/pi; the second half subtracts it.
        double t = 4 * 3600;
        Assert.InRange(peakHalf, 10 * t / 2 + 10 * t / Math.PI - 2000, 10 * t / 2 + 10 * t / Math.PI + 2000);
        Assert.InRange(troughHalf, 10 * t / 2 - 10 * t / Math.PI - 2000, 10 * t / 2 - 10 * t / Math.PI + 2000);
    }
}
