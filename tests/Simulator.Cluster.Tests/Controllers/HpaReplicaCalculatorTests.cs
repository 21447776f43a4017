using Simulator.Cluster.Controllers;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The HPA's replica calculation, as a table of hand-computed cases: integer-percent utilization,
/// the 0.1 tolerance, and the conservative substitutions for pods without metrics or not ready.
/// Pods request 1000m unless a case says otherwise; "r" is ready with usage, "m" has no metrics,
/// "u" is unready (with usage the calculation must ignore).
/// </summary>
public class HpaReplicaCalculatorTests
{
    private static HpaPodSample[] Pods(string spec) =>
    [
        .. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p[0] switch
        {
            'r' => new HpaPodSample(false, 1000, double.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture)),
            'm' => new HpaPodSample(false, 1000, null),
            _ => new HpaPodSample(true, 1000, p.Length > 1 ? double.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture) : null),
        }),
    ];

    [Theory]
    // Fact 10: 4 replicas at 80 % against 50 % -> ratio 1.6 -> ceil(6.4) = 7.
    [InlineData("fact 10: 80 % vs 50 %", 4, 50, "r800 r800 r800 r800", 7, 80)]
    // Fact 10: 54 % against 50 % is ratio 1.08, within the tolerance.
    [InlineData("fact 10: 54 % vs 50 %", 4, 50, "r540 r540 r540 r540", 4, 54)]
    [InlineData("ratio 0.9 is still within tolerance", 4, 50, "r450 r450 r450 r450", 4, 45)]
    [InlineData("ratio 1.12 is not", 4, 50, "r560 r560 r560 r560", 5, 56)]
    [InlineData("scale down: 20 % vs 50 % -> ceil(1.6)", 4, 50, "r200 r200 r200 r200", 2, 20)]
    [InlineData("utilization is floored to an integer percent", 3, 50, "r333 r333 r333", 2, 33)]
    // Scale-up: the missing pod counts as 0 %: 2700/4000 = 67 % -> 1.34 x 4 pods = 5.36 -> 6.
    [InlineData("missing pod on scale-up counts as 0", 4, 50, "r900 r900 r900 m", 6, 90)]
    // Scale-down: the missing pod counts as 100 %: 1300/4000 = 32 % -> 0.64 x 4 = 2.56 -> 3.
    [InlineData("missing pod on scale-down counts as 100 %", 4, 50, "r100 r100 r100 m", 3, 10)]
    // 20 % says down, but with three missing pods at 100 % it is 80 %: the direction turns, so no change.
    [InlineData("substitution reversing the direction", 4, 50, "r200 m m m", 4, 20)]
    // 70 % says up, with the missing pod at 0 % it is 52 % (ratio 1.04): within tolerance, no change.
    [InlineData("substitution bringing the ratio within tolerance", 4, 50, "r700 r700 r700 m", 4, 70)]
    // Scale-up: the unready pod counts as 0 %: 3000/4000 = 75 % -> 1.5 x 4 = 6.
    [InlineData("unready pod on scale-up counts as 0", 4, 50, "r1000 r1000 r1000 u900", 6, 100)]
    // Scale-down: unready pods are simply left out: 10 % over 2 ready pods -> ceil(0.4) = 1.
    [InlineData("unready pods are left out on scale-down", 4, 50, "r100 r100 u900 u900", 1, 10)]
    // Two ready pods at 100 % and two unready at 0 %: 50 %, on target: no change.
    [InlineData("unready pods cancelling a scale-up", 4, 50, "r1000 r1000 u u", 4, 100)]
    public void Cpu_utilization(string name, int current, int target, string pods, int expected, double utilization)
    {
        var proposal = ReplicaCalculator.CpuUtilization(current, target, Pods(pods));
        Assert.True(proposal.Valid, name);
        Assert.Equal((expected, utilization), (proposal.Replicas, proposal.Current));
    }

    [Fact]
    public void Missing_pods_on_scale_down_count_as_the_target_when_it_is_above_100_percent()
    {
        // 10 % vs a 150 % target; each missing pod counts as 150 % of its request:
        // (100 + 3 x 1500)/4000 = 115 % -> 0.767 x 4 pods = 3.07 -> 4.
        var proposal = ReplicaCalculator.CpuUtilization(5, 150, Pods("r100 m m m"));
        Assert.Equal(4, proposal.Replicas);
    }

    [Fact]
    public void No_ready_pod_with_metrics_makes_the_metric_invalid()
    {
        Assert.False(ReplicaCalculator.CpuUtilization(3, 50, Pods("m u500 m")).Valid);
        Assert.False(ReplicaCalculator.CpuUtilization(3, 50, []).Valid);
        Assert.False(ReplicaCalculator.PodsAverage(3, 10, Pods("m m")).Valid);
    }

    [Theory]
    // A pods metric is a plain average per pod: 15 rps vs 10 -> 1.5 x 4 = 6.
    [InlineData("15 rps vs 10", 4, 10, "r15 r15 r15 r15", 6, 15)]
    [InlineData("10.5 rps vs 10 is within tolerance", 4, 10, "r10.5 r10.5 r10.5 r10.5", 4, 10.5)]
    [InlineData("2 rps vs 10 -> ceil(0.8)", 4, 10, "r2 r2 r2 r2", 1, 2)]
    // Scale-down: the missing pod is taken to be exactly at the target: (6 + 10)/4 = 4 -> 0.4 x 4 = 1.6 -> 2.
    [InlineData("missing pod on scale-down counts as the target", 4, 10, "r2 r2 r2 m", 2, 2)]
    // Scale-up: the missing pod counts as 0: 60/4 = 15 -> 1.5 x 4 = 6.
    [InlineData("missing pod on scale-up counts as 0", 4, 10, "r20 r20 r20 m", 6, 20)]
    // Scale-up with an unready pod at 0: 60/4 = 15 -> 6.
    [InlineData("unready pod on scale-up counts as 0", 4, 10, "r20 r20 r20 u", 6, 20)]
    public void Pods_average_value(string name, int current, double target, string pods, int expected, double average)
    {
        var proposal = ReplicaCalculator.PodsAverage(current, target, Pods(pods));
        Assert.True(proposal.Valid, name);
        Assert.Equal((expected, average), (proposal.Replicas, proposal.Current));
    }

    [Fact]
    public void A_pods_metric_average_uses_milli_units_with_integer_division()
    {
        // 0.1 + 0.1 + 0.2 rps = 400m over 3 pods = 133m (not 133.33...), vs a 100m target: 1.33 x 3 = 3.99 -> 4.
        var proposal = ReplicaCalculator.PodsAverage(3, 0.1, Pods("r0.1 r0.1 r0.2"));
        Assert.Equal((4, 0.133), (proposal.Replicas, proposal.Current));
    }
}
