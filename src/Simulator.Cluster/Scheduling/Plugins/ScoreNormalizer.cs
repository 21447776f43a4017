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
}
