namespace Simulator.Reporting.Comparison;

/// <summary>
/// Turns the metric values of every (profile, seed) run into a <see cref="ComparisonResult"/>.
/// Runs that share a seed saw the same arrivals and failures (common random numbers), so each
/// profile is compared with the baseline through its per-seed differences rather than two
/// independent means: the seed-to-seed variation cancels and the interval is much narrower.
/// </summary>
public static class PairedComparison
{
    /// <param name="values">
    /// <c>values[p][s][m]</c>: metric <c>m</c> of <paramref name="metrics"/> for profile
    /// <c>p</c> of <paramref name="profiles"/> and seed <c>s</c> of <paramref name="seeds"/>, null where it did not apply.
    /// </param>
    public static ComparisonResult Compare(
        string scenarioName, IReadOnlyList<ulong> seeds, IReadOnlyList<string> profiles, string baseline,
        IReadOnlyList<HeadlineMetric> metrics, IReadOnlyList<IReadOnlyList<IReadOnlyList<double?>>> values)
    {
        int b = IndexOf(profiles, baseline);
        var results = new List<MetricResult>();
        for (int m = 0; m < metrics.Count; m++)
        {
            var rows = new List<ProfileResult>();
            for (int p = 0; p < profiles.Count; p++)
            {
                var own = new List<double>();
                var differences = new List<double>();
                for (int s = 0; s < seeds.Count; s++)
                {
                    if (values[p][s][m] is not { } x) continue;
                    own.Add(x);
                    if (p != b && values[b][s][m] is { } y) differences.Add(x - y);
                }
                if (own.Count == 0) continue;
                var difference = differences.Count > 0 ? MeanInterval.Of(differences) : (MeanInterval?)null;
                rows.Add(new ProfileResult(profiles[p], MeanInterval.Of(own), difference));
            }
            if (rows.Count > 0) results.Add(new MetricResult(metrics[m], rows));
        }
        return new ComparisonResult(scenarioName, seeds, profiles, baseline, results);
    }

    private static int IndexOf(IReadOnlyList<string> profiles, string baseline)
    {
        for (int i = 0; i < profiles.Count; i++)
        {
            if (string.Equals(profiles[i], baseline, StringComparison.Ordinal)) return i;
        }
        throw new ArgumentException($"the baseline \"{baseline}\" is not among the profiles", nameof(baseline));
    }
}
