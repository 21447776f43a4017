using System.Globalization;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// comparison.md (and what <c>ksim compare</c> prints): what was compared, then one table per
/// metric with the best profile first. Nothing in it depends on the wall clock or on the order
/// the runs finished, so the same scenario and seeds give the same bytes.
/// </summary>
public static class ComparisonMarkdown
{
    public const string FileName = "comparison.md";

    public static void Write(TextWriter writer, ComparisonResult c)
    {
        writer.WriteLine($"# Comparison: {c.ScenarioName}");
        writer.WriteLine();
        writer.WriteLine($"- {c.Axis}s: {ComparisonResult.JoinNames(c.Profiles)} (baseline: {c.Baseline})");
        writer.WriteLine($"- {SeedsLine(c)}");
        writer.WriteLine("- each value: mean over the seeds +/- the half-width of its 95 % Student t interval;");
        writer.WriteLine($"  vs {c.Baseline}: the mean per-seed difference ({c.Axis} minus baseline) and its 95 % interval");
        foreach (var metric in c.Metrics)
        {
            writer.WriteLine();
            writer.WriteLine($"## {Heading(metric)}");
            writer.WriteLine();
            writer.WriteLine(Description(metric));
            writer.WriteLine();
            writer.WriteLine("| " + string.Join(" | ", HeaderCells(c)) + " |");
            writer.WriteLine("|---|---:|---:|---|---:|---|---|");
            foreach (var p in metric.BestFirst())
            {
                writer.WriteLine("| " + string.Join(" | ", RowCells(c, metric, p)) + " |");
            }
        }
    }

    /// <summary>The column headers of a metric's table; comparison.html shows the same table.</summary>
    internal static string[] HeaderCells(ComparisonResult c) =>
        [c.Axis, "n", "mean", "95 % CI", $"vs {c.Baseline}", "95 % CI of difference", "verdict"];

    /// <summary>One profile's row of a metric's table, as text.</summary>
    internal static string[] RowCells(ComparisonResult c, MetricResult metric, ProfileResult p)
    {
        var v = p.Value;
        var d = p.Difference;
        var verdict = p.Profile == c.Baseline ? "baseline" : metric.Verdict(p);
        return [p.Profile, v.Count.ToString(CultureInfo.InvariantCulture), Number(v.Mean) + PlusMinus(v), Interval(v), Signed(d?.Mean),
            d is { } di ? Interval(di) : "", verdict];
    }

    internal static string Heading(MetricResult metric)
    {
        var m = metric.Metric;
        var direction = m.Direction == MetricDirection.LowerIsBetter ? "lower is better" : "higher is better";
        return $"{m.Name} ({m.Unit}, {direction})";
    }

    internal static string Description(MetricResult metric) =>
        char.ToUpperInvariant(metric.Metric.Description[0]) + metric.Metric.Description[1..] + ".";

    internal static string SeedsLine(ComparisonResult c) => $"seeds: {SeedsText(c.Seeds)}, the same for every {c.Axis}";

    /// <summary>"11..20" for consecutive seeds, which is what compare runs.</summary>
    private static string SeedsText(IReadOnlyList<ulong> seeds)
    {
        bool consecutive = true;
        for (int i = 1; i < seeds.Count; i++) consecutive &= seeds[i] == unchecked(seeds[i - 1] + 1);
        return consecutive && seeds.Count > 2
            ? $"{seeds[0]}..{seeds[^1]} ({seeds.Count})"
            : $"{string.Join(", ", seeds)} ({seeds.Count})";
    }

    private static string PlusMinus(MeanInterval v) => v.HalfWidth is { } h ? " +/- " + Number(h) : "";

    private static string Interval(MeanInterval v) => v.Low is { } low && v.High is { } high ? $"[{Number(low)}, {Number(high)}]" : "";

    private static string Signed(double? value) =>
        value is not { } v ? "" : v > 0 ? "+" + Number(v) : Number(v);

    /// <summary>Four significant digits, never exponent notation, so columns read at a glance.</summary>
    internal static string Number(double value)
    {
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        int decimals = magnitude >= 1000 ? 0 : Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
