namespace Simulator.Reporting.Html;

/// <summary>One chart of a results folder, embedded in the page as a data URI.</summary>
internal sealed record ReportChart(string Name, string FileName, string MediaType, byte[] Bytes)
{
    public const string DirectoryName = "charts";

    public string DataUri => $"data:{MediaType};base64,{Convert.ToBase64String(Bytes)}";

    /// <summary>
    /// The charts in <c>charts/</c> of a results folder, by file name (ordinal), one per chart name:
    /// the PNG when there is one (it is drawn with the bundled font, so it looks the same in every
    /// browser), else the SVG. Both go in as an &lt;img&gt; data URI, never inline markup: an image
    /// cannot run script or restyle the page. No folder, no charts.
    /// </summary>
    public static IReadOnlyList<ReportChart> Read(string resultsDirectory)
    {
        var folder = Path.Combine(resultsDirectory, DirectoryName);
        if (!Directory.Exists(folder)) return [];
        var files = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => MediaTypeOf(f) is not null)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var charts = new List<ReportChart>();
        foreach (var group in files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal))
        {
            var chosen = group.FirstOrDefault(f => MediaTypeOf(f) == "image/png") ?? group.First();
            charts.Add(new ReportChart(group.Key, chosen, MediaTypeOf(chosen)!, File.ReadAllBytes(Path.Combine(folder, chosen))));
        }
        return charts;
    }

    /// <summary>The "Charts" section of a page (a run's report or a comparison): each chart as a figure, its file as the caption.</summary>
    public static void WriteFigures(System.Text.StringBuilder html, IReadOnlyList<ReportChart> charts)
    {
        // The markers let a test compare two reports without the charts, whose bytes are the charts' business.
        html.Append("<!-- charts -->\n<h2>Charts</h2>\n<div id=\"charts\">\n");
        if (charts.Count == 0) html.Append("<p class=\"note\">No charts in charts/.</p>\n");
        foreach (var chart in charts)
        {
            var name = HtmlText.Encode(chart.Name);
            html.Append("<figure><img class=\"chart\" alt=\"").Append(name).Append("\" src=\"").Append(chart.DataUri).Append("\">");
            html.Append("<figcaption>").Append(HtmlText.Encode(DirectoryName + "/" + chart.FileName)).Append("</figcaption></figure>\n");
        }
        html.Append("</div>\n<!-- /charts -->\n");
    }

    private static string? MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => null,
    };
}
