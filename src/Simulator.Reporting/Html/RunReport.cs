using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Html;

/// <summary>
/// report.html: one run on one self-contained page (see README "Report"): title and description,
/// the manifest's deterministic half, summary.json as tables, the charts of charts/, why pods were
/// pending, the events with a filter, and the scenario files as they were run. Written last, from
/// the files already in the folder and the record in memory; nothing in it comes from the wall
/// clock, so the same scenario and seed give the same bytes (given the same charts).
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    /// <summary>More rows make a page browsers struggle with; events.log always has them all.</summary>
    internal const int MaxEventRows = 20_000;

    /// <summary>Scenario files larger than this (a trace) are listed but not shown.</summary>
    internal const int MaxScenarioFileBytes = 256 * 1024;

    public static void Write(string resultsDirectory, RunRecord run, CopiedScenario scenario)
    {
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(resultsDirectory, SummaryJson.FileName)));
        var sources = ScenarioTexts(resultsDirectory, scenario);
        var html = Build(run, scenario, summary.RootElement, ReportChart.Read(resultsDirectory), sources);
        using var writer = TextFiles.CreateText(Path.Combine(resultsDirectory, FileName));
        writer.Write(html);
    }

    internal static string Build(
        RunRecord run, CopiedScenario scenario, JsonElement summary, IReadOnlyList<ReportChart> charts, IReadOnlyList<(string Path, string? Text)> sources)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(HtmlText.Encode(run.ScenarioName)).Append("</h1>\n");
        if (run.Description.Length > 0) body.Append("<p class=\"description\">").Append(HtmlText.Encode(run.Description)).Append("</p>\n");
        WriteManifest(body, run, scenario);
        SummaryTables.Write(body, summary);
        ReportChart.WriteFigures(body, charts);
        WriteWhyPending(body, WhyPending.Of(run.Result));
        WriteEvents(body, run.Result);
        WriteSources(body, sources);
        return HtmlPage.Render($"ksim report: {run.ScenarioName}", body.ToString(), ReportScript.Source);
    }

    /// <summary>Only what is the same on every rerun: no wall-clock times, no command line (it names the output folder).</summary>
    private static void WriteManifest(StringBuilder html, RunRecord run, CopiedScenario scenario)
    {
        var p = run.Provenance;
        var result = run.Result;
        html.Append("<h2>Run</h2>\n");
        var table = new HtmlTable(["field", "value"], id: "manifest");
        table.Add("scenario", run.ScenarioName);
        table.Add("seed", run.Seed.ToString(CultureInfo.InvariantCulture));
        table.Add("profile", run.Profile);
        table.Add("end reason", SummaryJson.EndReasonText(result.EndReason) + (result.Partial ? " (partial)" : ""));
        table.Add("end time", result.EndTime.ToSecondsString() + " s (" + result.EndTime + ")");
        table.Add("ksim version", p.KsimVersion);
        table.Add("git commit", p.GitCommit + (p.GitDirty == true ? " (dirty)" : ""));
        table.WriteTo(html);
        var files = new HtmlTable(["scenario file", "bytes", "sha256"], new HashSet<int> { 1 }, "scenario-files");
        foreach (var file in scenario.Files)
        {
            files.Add(ScenarioCopy.DirectoryName + "/" + file.Path, file.Bytes.ToString(CultureInfo.InvariantCulture), file.Sha256);
        }
        files.WriteTo(html);
    }

    private static void WriteWhyPending(StringBuilder html, WhyPending pending)
    {
        html.Append("<h2>Why pending</h2>\n");
        if (pending.Total.Pods == 0)
        {
            html.Append("<p class=\"note\">No pod failed to schedule.</p>\n");
            return;
        }
        html.Append("<p class=\"note\">Pending time from each failed scheduling attempt to the next, charged to every reason its FailedScheduling message lists; a pod blocked by two reasons counts in both rows, the last row counts it once.</p>\n");
        var table = new HtmlTable(["reason", "pods", "pod-hours"], new HashSet<int> { 1, 2 }, "why-pending");
        foreach (var row in pending.Reasons.Append(pending.Total))
        {
            table.Add(row.Reason, row.Pods.ToString(CultureInfo.InvariantCulture), PodHours(row));
        }
        table.WriteTo(html);
    }

    internal static string PodHours(PendingReason row) => row.PodHours.ToString("F4", CultureInfo.InvariantCulture);

    private static void WriteEvents(StringBuilder html, RunResult result)
    {
        var events = result.Events;
        html.Append("<h2>Events</h2>\n");
        html.Append("<p><label for=\"event-filter\">Filter: </label><input id=\"event-filter\" type=\"search\" placeholder=\"text in any column, e.g. FailedScheduling or a node name\"> ");
        html.Append("<span id=\"event-count\">").Append(Math.Min(events.Count, MaxEventRows).ToString(CultureInfo.InvariantCulture)).Append(" events</span></p>\n");
        if (events.Count > MaxEventRows)
        {
            html.Append("<p class=\"note\">Showing the first ").Append(MaxEventRows.ToString(CultureInfo.InvariantCulture)).Append(" of ")
                .Append(events.Count.ToString(CultureInfo.InvariantCulture)).Append(" events; events.log has them all.</p>\n");
        }
        var table = new HtmlTable(["time (s)", "type", "reason", "object", "message"], new HashSet<int> { 0 }, "events");
        foreach (var e in events.Take(MaxEventRows))
        {
            table.Add(e.Time.ToSecondsString(), e.Type.ToString(), e.Reason, e.ObjectKind.ToLowerInvariant() + "/" + e.ObjectName, e.Message);
        }
        table.WriteTo(html);
    }

    private static void WriteSources(StringBuilder html, IReadOnlyList<(string Path, string? Text)> sources)
    {
        html.Append("<h2>Scenario</h2>\n");
        foreach (var (path, text) in sources)
        {
            html.Append("<details><summary>").Append(HtmlText.Encode(path)).Append("</summary>\n");
            html.Append(text is null ? "<p class=\"note\">(too large to show here)</p>" : "<pre>" + HtmlText.Encode(text) + "</pre>").Append("\n</details>\n");
        }
    }

    /// <summary>The YAML files of the scenario copy; other files (traces, tables) are only named.</summary>
    private static List<(string Path, string? Text)> ScenarioTexts(string resultsDirectory, CopiedScenario scenario)
    {
        var sources = new List<(string, string?)>();
        foreach (var file in scenario.Files)
        {
            var shown = ScenarioCopy.DirectoryName + "/" + file.Path;
            var path = Path.Combine(resultsDirectory, ScenarioCopy.DirectoryName, file.Path);
            bool yaml = file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            sources.Add((shown, yaml && file.Bytes <= MaxScenarioFileBytes && File.Exists(path) ? File.ReadAllText(path) : null));
        }
        return sources;
    }
}
