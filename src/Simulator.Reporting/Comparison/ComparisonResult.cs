namespace Simulator.Reporting.Comparison;

/// <summary>A whole comparison: what was compared and every metric that applied to at least one run.</summary>
public sealed record ComparisonResult(
    string ScenarioName, IReadOnlyList<ulong> Seeds, IReadOnlyList<string> Profiles, string Baseline, IReadOnlyList<MetricResult> Metrics);
