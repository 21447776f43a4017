namespace Simulator.Cluster.Metrics;

/// <summary>
/// Latencies of a whole run in constant memory (a day at 1,000 requests/s is 86 million of them):
/// exact below 1.024 ms, above that in buckets 1/512 of a power of two wide, so a percentile is
/// within 0.2 % of the exact one. A percentile reports its bucket's lower bound (nearest rank).
/// </summary>
public sealed class RequestLatencyHistogram
{
    private const int SubBits = 10;
    private const int SubBuckets = 1 << SubBits;
    private readonly long[] _counts = new long[(64 - SubBits) * (SubBuckets / 2) + SubBuckets];

    public long Count { get; private set; }

    public void Add(long microseconds)
    {
        _counts[Index(Math.Max(0, microseconds))]++;
        Count++;
    }

    /// <summary>Nearest-rank p-th percentile in seconds; 0 when empty.</summary>
    public double Percentile(double p)
    {
        if (Count == 0) return 0;
        long rank = Math.Clamp((long)Math.Ceiling(p / 100.0 * Count), 1, Count);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return LowerBound(i) / 1_000_000.0;
        }
        return 0;
    }

    private static int Index(long v)
    {
        if (v < SubBuckets) return (int)v;
        int shift = 63 - (int)long.LeadingZeroCount(v) - (SubBits - 1);
        // Values in [2^(k), 2^(k+1)) keep their top SubBits bits: half the sub-buckets per octave.
        return SubBuckets + (shift - 1) * (SubBuckets / 2) + (int)((v >> shift) - SubBuckets / 2);
    }

    private static long LowerBound(int index)
    {
        if (index < SubBuckets) return index;
        int octave = (index - SubBuckets) / (SubBuckets / 2);
        int sub = (index - SubBuckets) % (SubBuckets / 2);
        int shift = octave + 1;
        return (long)(sub + SubBuckets / 2) << shift;
    }
}
