namespace Simulator.Cluster.Metrics;

/// <summary>Order statistics with the nearest-rank method: always an observed value, no interpolation.</summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0 &lt; p &lt;= 100) of already sorted values; 0 for an empty list.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
