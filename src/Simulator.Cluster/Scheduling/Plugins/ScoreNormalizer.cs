namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>kube-scheduler's helper.DefaultNormalizeScore, in integer arithmetic.</summary>
public static class ScoreNormalizer
{
    public const long MaxNodeScore = 100;

    /// <summary>
    /// Scales scores to [0, 100] by the maximum; with <paramref name="reverse"/>, 100 - scaled.
    /// If every score is 0, all become 100 when reversed and stay 0 otherwise.
    /// </summary>
    public static void Default(Span<long> scores, bool reverse)
    {
        long max = 0;
        foreach (var s in scores) max = Math.Max(max, s);
        if (max == 0)
        {
            if (reverse) scores.Fill(MaxNodeScore);
            return;
        }
        for (int i = 0; i < scores.Length; i++)
        {
            long s = MaxNodeScore * scores[i] / max;
            scores[i] = reverse ? MaxNodeScore - s : s;
        }
    }

    /// <summary>
    /// Min-max scaling to [0, 100] (the FGD artifact's NormalizeScore, for scores that may leave
    /// that range): (s - lowest) * 100 / (highest - lowest) in integers; all 0 if every score is equal.
    /// </summary>
    public static void MinMax(Span<long> scores)
    {
        if (scores.IsEmpty) return;
        long lowest = long.MaxValue, highest = long.MinValue;
        foreach (var s in scores)
        {
            lowest = Math.Min(lowest, s);
            highest = Math.Max(highest, s);
        }
        long range = highest - lowest;
        for (int i = 0; i < scores.Length; i++) scores[i] = range == 0 ? 0 : (scores[i] - lowest) * MaxNodeScore / range;
    }
}
