namespace Simulator.Reporting.Comparison;

/// <summary>One metric across the profiles, in the order the profiles were given; profiles where it never applied are left out.</summary>
public sealed record MetricResult(HeadlineMetric Metric, IReadOnlyList<ProfileResult> Profiles)
{
    /// <summary>Best mean first in the metric's direction; equal means keep the given order.</summary>
    public IReadOnlyList<ProfileResult> BestFirst()
    {
        // Order is a stable sort: ties keep the given order, so the output never depends on hashing.
        return [.. Profiles.Order(Comparer<ProfileResult>.Create((a, b) =>
            Metric.IsBetter(a.Value.Mean, b.Value.Mean) ? -1 : Metric.IsBetter(b.Value.Mean, a.Value.Mean) ? 1 : 0))];
    }

    /// <summary>"better", "worse" or "no significant difference" than the baseline, in the metric's direction.</summary>
    public string Verdict(ProfileResult profile) => profile.Difference switch
    {
        null => "",
        { ExcludesZero: false } => "no significant difference",
        { Mean: var d } => Metric.IsBetter(d, 0) ? "better" : "worse",
    };
}
