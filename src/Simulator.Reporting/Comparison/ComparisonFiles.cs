using Simulator.Reporting.Results;

namespace Simulator.Reporting.Comparison;

/// <summary>Writes comparison.csv, comparison.md and comparison.html into a folder, with the byte conventions of every results file.</summary>
public static class ComparisonFiles
{
    public static void Write(string directory, ComparisonResult comparison)
    {
        using (var csv = TextFiles.CreateText(Path.Combine(directory, ComparisonCsv.FileName))) ComparisonCsv.Write(csv, comparison);
        using (var md = TextFiles.CreateText(Path.Combine(directory, ComparisonMarkdown.FileName))) ComparisonMarkdown.Write(md, comparison);
        using var html = TextFiles.CreateText(Path.Combine(directory, Html.ComparisonHtml.FileName));
        html.Write(Html.ComparisonHtml.Build(comparison));
    }
}
