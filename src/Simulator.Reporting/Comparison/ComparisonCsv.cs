using System.Globalization;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// comparison.csv: one row per metric and profile, metrics in registry order and profiles in the
/// given order. Numbers are round-trip doubles in invariant culture; the interval columns are
/// empty with a single seed, the difference columns empty for the baseline.
/// </summary>
public static class ComparisonCsv
{
    public const string FileName = "comparison.csv";

    /// <summary>After the first column, which is the comparison's axis ("profile" or "expander").</summary>
    private static readonly string[] Header =
        ["metric", "unit", "n", "mean", "ci_low", "ci_high", "diff_mean", "diff_ci_low", "diff_ci_high", "significant"];

    public static void Write(TextWriter writer, ComparisonResult comparison)
    {
        Csv.WriteRow(writer, [comparison.Axis, .. Header]);
        foreach (var metric in comparison.Metrics)
        {
            foreach (var p in metric.Profiles)
            {
                var d = p.Difference;
                Csv.WriteRow(writer,
                [
                    p.Profile, metric.Metric.Name, metric.Metric.Unit, Csv.Integer(p.Value.Count),
                    Number(p.Value.Mean), Number(p.Value.Low), Number(p.Value.High),
                    Number(d?.Mean), Number(d?.Low), Number(d?.High), d is null ? "" : Csv.Boolean(p.Significant),
                ]);
            }
        }
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
