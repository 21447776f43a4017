using Simulator.Cluster.Metrics;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>The run-wide latency histogram: exact below 1,024 us, within 0.2 % above, nearest rank.</summary>
public class RequestLatencyHistogramTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(20_000)]
    [InlineData(1_234_567)]
    [InlineData(86_400_000_000)]
    public void A_single_value_comes_back_within_a_fifth_of_a_percent_and_never_above(long microseconds)
    {
        var h = new RequestLatencyHistogram();
        h.Add(microseconds);

        double seconds = h.Percentile(50) * 1e6;
        Assert.InRange(seconds, microseconds * (1 - 1.0 / 512) - 1e-6, microseconds + 1e-6);
        if (microseconds < 1024) Assert.Equal(microseconds, seconds, 6);
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_all_values()
    {
        var h = new RequestLatencyHistogram();
        for (long us = 1; us <= 1000; us++) h.Add(us);

        Assert.Equal(0.000500, h.Percentile(50), 9);
        Assert.Equal(0.000950, h.Percentile(95), 9);
        Assert.Equal(0.000990, h.Percentile(99), 9);
        Assert.Equal(1000, h.Count);
        Assert.Equal(0, new RequestLatencyHistogram().Percentile(50));
    }
}
