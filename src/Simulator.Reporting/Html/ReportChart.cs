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

    private static string? MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => null,
    };
}
