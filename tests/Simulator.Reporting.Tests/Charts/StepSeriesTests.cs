using Simulator.Reporting.Charts;

namespace Simulator.Reporting.Tests.Charts;

public sealed class StepSeriesTests
{
    [Fact]
    public void A_short_series_is_drawn_as_it_is()
    {
        double[] xs = [0, 1, 2], ys = [1, 1, 2];
        Assert.Equal((xs, ys), StepSeries.Thin(xs, ys));
    }

    [Fact]
    public void A_long_series_keeps_at_most_about_two_points_per_pixel_with_its_spikes_first_and_last()
    {
        // 200,000 samples of a noisy level with one spike up and one dip down (review finding: a
        // long run's charts ran to hundreds of MB of SVG).
        int n = 200_000;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var ys = Enumerable.Range(0, n).Select(i => 50.0 + i % 7).ToArray();
        ys[123_456] = 99;
        ys[7_777] = 1;

        var (tx, ty) = StepSeries.Thin(xs, ys);

        Assert.InRange(tx.Length, 2, StepSeries.MaxPoints + 1);
        Assert.Equal((0.0, 50.0), (tx[0], ty[0]));
        Assert.Equal(xs[^1], tx[^1]);
        Assert.Contains(99, ty);
        Assert.Contains(1, ty);
        Assert.Equal(tx.OrderBy(x => x), tx); // still in time order
    }

    [Fact]
    public void Repeated_values_are_dropped_first_which_loses_nothing_for_steps()
    {
        int n = 10_000;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var ys = Enumerable.Range(0, n).Select(i => i < 5_000 ? 2.0 : 3.0).ToArray();

        var (tx, ty) = StepSeries.Thin(xs, ys);

        Assert.Equal([0.0, 5_000, n - 1], tx);
        Assert.Equal([2.0, 3, 3], ty);
    }
}
