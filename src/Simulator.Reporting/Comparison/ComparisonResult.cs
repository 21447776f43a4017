namespace Simulator.Reporting.Comparison;

/// <summary>
/// A whole comparison: what was compared and every metric that applied to at least one run.
/// <see cref="Axis"/> names what the variants in <see cref="Profiles"/> differ by ("profile" or
/// "expander"); it heads the tables' first column.
/// </summary>
public sealed record ComparisonResult(
    string ScenarioName, IReadOnlyList<ulong> Seeds, IReadOnlyList<string> Profiles, string Baseline, IReadOnlyList<MetricResult> Metrics,
    string Axis = "profile")
{
    /// <summary>Per variant, in <see cref="Profiles"/> order, its runs' completed-Job times pooled over the seeds; empty when not collected.</summary>
    public IReadOnlyList<VariantCompletionTimes> JobCompletionTimes { get; init; } = [];

    /// <summary>
    /// The variants for a sentence: comma-separated, or semicolon-separated when a name has a comma
    /// of its own (an expander chain such as "priority,least-waste").
    /// </summary>
    public static string JoinNames(IReadOnlyList<string> names) =>
        string.Join(names.Any(n => n.Contains(',', StringComparison.Ordinal)) ? "; " : ", ", names);
}
