using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Tests.Comparison;

public sealed class PairedComparisonTests
{
    private const double T2 = 4.302652729911275;

    private static readonly HeadlineMetric Jct = new("jct_mean", "s", MetricDirection.LowerIsBetter, "test", _ => null);
    private static readonly HeadlineMetric Allocation = new("allocation_gpu", "ratio", MetricDirection.HigherIsBetter, "test", _ => null);

    /// <summary>values[profile][seed] for one metric.</summary>
    private static ComparisonResult Compare(HeadlineMetric metric, string[] profiles, string baseline, params double?[][] values) =>
        PairedComparison.Compare("test", [1, 2, 3], profiles, baseline, [metric],
            [.. values.Select(perSeed => (IReadOnlyList<IReadOnlyList<double?>>)[.. perSeed.Select(v => (IReadOnlyList<double?>)[v])])]);

    [Fact]
    public void The_difference_is_paired_seed_by_seed()
    {
        // b - a per seed: 2, 2, 3. Unpaired, the means 20 and 22.33 would be lost in the seeds' spread.
        var c = Compare(Jct, ["a", "b"], "a", [10, 20, 30], [12, 22, 33]);
        var metric = Assert.Single(c.Metrics);
        var (a, b) = (metric.Profiles[0], metric.Profiles[1]);
        Assert.Null(a.Difference);
        Assert.False(a.Significant);
        Assert.Equal(20, a.Value.Mean);
        var d = b.Difference!.Value;
        Assert.Equal(3, d.Count);
        Assert.Equal(7.0 / 3, d.Mean, 12);
        Assert.Equal(7.0 / 3 - T2 / 3, d.Low!.Value, 9);
        Assert.Equal(7.0 / 3 + T2 / 3, d.High!.Value, 9);
        Assert.True(b.Significant);
        // Lower is better and b is higher: worse, and listed after a.
        Assert.Equal("worse", metric.Verdict(b));
        Assert.Equal(["a", "b"], metric.BestFirst().Select(p => p.Profile));
    }

    [Fact]
    public void The_direction_decides_better_or_worse()
    {
        var c = Compare(Allocation, ["a", "b"], "a", [0.5, 0.6, 0.7], [0.6, 0.75, 0.85]);
        var metric = Assert.Single(c.Metrics);
        Assert.Equal("better", metric.Verdict(metric.Profiles[1]));
        Assert.Equal(["b", "a"], metric.BestFirst().Select(p => p.Profile));
    }

    [Fact]
    public void An_interval_that_contains_zero_is_no_significant_difference()
    {
        // Differences 1, -1, 1: mean 1/3, s^2 = 4/3, standard error 2/3, half-width 4.30 * 2/3 = 2.87: the interval straddles 0.
        var c = Compare(Jct, ["a", "b"], "a", [10, 20, 30], [11, 19, 31]);
        var metric = Assert.Single(c.Metrics);
        Assert.False(metric.Profiles[1].Significant);
        Assert.Equal("no significant difference", metric.Verdict(metric.Profiles[1]));
    }

    [Fact]
    public void Seeds_where_the_metric_did_not_apply_are_left_out_of_the_mean_and_the_pairs()
    {
        var c = Compare(Jct, ["a", "b"], "b", [10, null, 30], [12, 25, null]);
        var metric = Assert.Single(c.Metrics);
        var (a, b) = (metric.Profiles[0], metric.Profiles[1]);
        Assert.Equal((2, 20.0), (a.Value.Count, a.Value.Mean));
        Assert.Equal((2, 18.5), (b.Value.Count, b.Value.Mean));
        // Only seed 1 pairs up: a difference of -2 with no interval.
        Assert.Equal(new MeanInterval(1, -2, null, null), a.Difference);
        Assert.False(a.Significant);
    }

    [Fact]
    public void A_metric_that_never_applied_is_not_reported()
    {
        var c = Compare(Jct, ["a", "b"], "a", [null, null, null], [null, null, null]);
        Assert.Empty(c.Metrics);
    }

    [Fact]
    public void A_baseline_that_is_not_compared_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentException>(() => Compare(Jct, ["a", "b"], "c", [1, 2, 3], [1, 2, 3]));
    }

    [Property]
    public Property A_profile_identical_to_the_baseline_differs_by_exactly_zero() =>
        Prop.ForAll(
            (from x in Gen.Choose(-100_000, 100_000) from y in Gen.Choose(-100_000, 100_000) from z in Gen.Choose(-100_000, 100_000)
             select new double?[] { x / 7.0, y / 3.0, z }).ToArbitrary(),
            values =>
            {
                var result = Compare(Jct, ["a", "b"], "a", values, [.. values]).Metrics[0].Profiles[1];
                return result.Difference == new MeanInterval(3, 0, 0, 0) && !result.Significant;
            });
}
