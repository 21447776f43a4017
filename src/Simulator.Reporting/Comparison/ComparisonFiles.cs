using Simulator.Reporting.Results;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// Writes comparison.csv, comparison.md, the charts (charts/) and comparison.html into a folder,
/// with the byte conventions of every results file; the page is written last so it embeds the charts.
/// </summary>
public static class ComparisonFiles
{
    public static void Write(string directory, ComparisonResult comparison)
    {
        using (var csv = TextFiles.CreateText(Path.Combine(directory, ComparisonCsv.FileName))) ComparisonCsv.Write(csv, comparison);
        using (var md = TextFiles.CreateText(Path.Combine(directory, ComparisonMarkdown.FileName))) ComparisonMarkdown.Write(md, comparison);
        var drawn = Charts.CompareCharts.Write(Path.Combine(directory, Charts.ChartFiles.DirectoryName), comparison);
        // In the order they were drawn (the metrics' order), not by file name; OrderBy is stable.
        var charts = Html.ReportChart.Read(directory).OrderBy(c => IndexOf(drawn, c.Name)).ToList();
        using var html = TextFiles.CreateText(Path.Combine(directory, Html.ComparisonHtml.FileName));
        html.Write(Html.ComparisonHtml.Build(comparison, charts));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return names.Count;
    }
}
