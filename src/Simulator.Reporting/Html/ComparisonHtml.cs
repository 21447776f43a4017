using System.Text;
using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Html;

/// <summary>
/// comparison.html: comparison.md as a self-contained page, its tables as HTML tables. The text of
/// every line and cell comes from <see cref="ComparisonMarkdown"/>, so the two files never disagree.
/// </summary>
public static class ComparisonHtml
{
    public const string FileName = "comparison.html";

    public static string Build(ComparisonResult c) => Build(c, []);

    /// <summary>The page with <paramref name="charts"/> (the comparison folder's charts/) after the tables.</summary>
    internal static string Build(ComparisonResult c, IReadOnlyList<ReportChart> charts)
    {
        var body = new StringBuilder();
        body.Append("<h1>Comparison: ").Append(HtmlText.Encode(c.ScenarioName)).Append("</h1>\n<ul>\n");
        Item(body, $"{c.Axis}s: {ComparisonResult.JoinNames(c.Profiles)} (baseline: {c.Baseline})");
        Item(body, ComparisonMarkdown.SeedsLine(c));
        Item(body, $"each value: mean over the seeds +/- the half-width of its 95 % Student t interval; vs {c.Baseline}: the mean per-seed difference ({c.Axis} minus baseline) and its 95 % interval");
        body.Append("</ul>\n");
        // Columns n, mean and the difference hold numbers.
        var numeric = new HashSet<int> { 1, 2, 4 };
        foreach (var metric in c.Metrics)
        {
            body.Append("<h2>").Append(HtmlText.Encode(ComparisonMarkdown.Heading(metric))).Append("</h2>\n");
            body.Append("<p>").Append(HtmlText.Encode(ComparisonMarkdown.Description(metric))).Append("</p>\n");
            var table = new HtmlTable(ComparisonMarkdown.HeaderCells(c), numeric, "metric-" + metric.Metric.Name);
            foreach (var p in metric.BestFirst()) table.Add(ComparisonMarkdown.RowCells(c, metric, p));
            table.WriteTo(body);
        }
        ReportChart.WriteFigures(body, charts);
        return HtmlPage.Render($"ksim comparison: {c.ScenarioName}", body.ToString());
    }

    private static void Item(StringBuilder html, string text) => html.Append("<li>").Append(HtmlText.Encode(text)).Append("</li>\n");
}
