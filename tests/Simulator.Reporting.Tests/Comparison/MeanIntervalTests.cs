using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Tests.Comparison;

public sealed class MeanIntervalTests
{
    // Student t quantiles t(0.975, dof), as printed in any statistics table.
    private const double T1 = 12.706204736174707;
    private const double T2 = 4.302652729911275;
    private const double T4 = 2.7764451051977987;
    private const double T9 = 2.2621571627409915;

    [Fact]
    public void Two_values_give_the_t_interval_with_one_degree_of_freedom()
    {
        // mean 3, s = sqrt(((2-3)^2 + (4-3)^2) / 1) = sqrt(2), standard error s / sqrt(2) = 1.
        var ci = MeanInterval.Of([2, 4]);
        Assert.Equal(2, ci.Count);
        Assert.Equal(3, ci.Mean);
        Assert.Equal(T1, ci.HalfWidth!.Value, 9);
        Assert.Equal(3 - T1, ci.Low!.Value, 9);
        Assert.Equal(3 + T1, ci.High!.Value, 9);
    }

    [Fact]
    public void Five_values_use_four_degrees_of_freedom()
    {
        // mean 3, s^2 = (4 + 1 + 0 + 1 + 4) / 4 = 2.5, standard error sqrt(2.5 / 5) = sqrt(0.5).
        var ci = MeanInterval.Of([1, 2, 3, 4, 5]);
        Assert.Equal(3, ci.Mean);
        Assert.Equal(T4 * Math.Sqrt(0.5), ci.HalfWidth!.Value, 9);
    }

    [Fact]
    public void Ten_values_use_nine_degrees_of_freedom()
    {
        // 0..9: mean 4.5, s^2 = 82.5 / 9, standard error sqrt(82.5 / 90).
        var ci = MeanInterval.Of([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal(4.5, ci.Mean);
        Assert.Equal(T9 * Math.Sqrt(82.5 / 90), ci.HalfWidth!.Value, 9);
        // [2.33, 6.67]: zero is outside.
        Assert.True(ci.ExcludesZero);
    }

    [Fact]
    public void One_value_has_a_mean_and_no_interval()
    {
        var ci = MeanInterval.Of([7.5]);
        Assert.Equal((1, 7.5, (double?)null, (double?)null), (ci.Count, ci.Mean, ci.Low, ci.High));
        Assert.Null(ci.HalfWidth);
        Assert.False(ci.ExcludesZero);
    }

    [Fact]
    public void Identical_values_give_a_zero_width_interval_that_excludes_zero_unless_it_is_zero()
    {
        Assert.Equal(new MeanInterval(3, 2, 2, 2), MeanInterval.Of([2, 2, 2]));
        Assert.True(MeanInterval.Of([2, 2, 2]).ExcludesZero);
        Assert.False(MeanInterval.Of([0, 0, 0]).ExcludesZero);
    }

    [Fact]
    public void Three_paired_differences_use_two_degrees_of_freedom()
    {
        // differences 2, 2, 3: mean 7/3, s^2 = (1/9 + 1/9 + 4/9) / 2 = 1/3, standard error 1/3.
        var ci = MeanInterval.Of([2, 2, 3]);
        Assert.Equal(7.0 / 3, ci.Mean, 12);
        Assert.Equal(T2 / 3, ci.HalfWidth!.Value, 9);
        Assert.True(ci.ExcludesZero);
    }

    [Property]
    public Property The_interval_is_centred_on_the_mean_and_contains_every_value_when_n_is_two() =>
        Prop.ForAll(
            (from a in Gen.Choose(-1_000_000, 1_000_000) from b in Gen.Choose(-1_000_000, 1_000_000) select (a, b)).ToArbitrary(),
            pair =>
            {
                var (a, b) = pair;
                var ci = MeanInterval.Of([a, b]);
                double tolerance = 1e-6 * (1 + Math.Abs(a) + Math.Abs(b));
                return Math.Abs(ci.Mean - ci.Low!.Value - (ci.High!.Value - ci.Mean)) < tolerance
                    && ci.Low <= Math.Min(a, b) + tolerance && ci.High >= Math.Max(a, b) - tolerance;
            });
}
