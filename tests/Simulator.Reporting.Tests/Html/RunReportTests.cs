using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Html;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Html;

public sealed class RunReportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Report(string directory) => File.ReadAllText(Path.Combine(directory, RunReport.FileName));

    [Fact]
    public void Every_hostile_string_is_escaped_and_the_only_script_is_the_reports_own()
    {
        var (directory, _, _) = HostileRun.Write(_temp);
        var html = Report(directory);

        Assert.Contains("<p class=\"description\">" + HostileRun.EscapedScript +
            "&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-xss&#39;,&#39;description&#39;)&quot;&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("example.com/note: &#39;" + HostileRun.EscapedScript, html, StringComparison.Ordinal);
        Assert.Contains("<td>" + HostileRun.EscapedScript + "&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-xss&#39;,&#39;event&#39;)", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>" + HostileRun.EscapedScript + "&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-xss&#39;,&#39;reason&#39;)&quot;&gt;</td>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_chart_name_is_escaped_inside_its_attribute()
    {
        var chart = new ReportChart("a\"onload=\"alert(1)", "a\"onload=\"alert(1).png", "image/png", [1, 2, 3]);
        var html = Build(charts: [chart]);

        Assert.Contains("<img class=\"chart\" alt=\"a&quot;onload=&quot;alert(1)\" src=\"data:image/png;base64,AQID\">", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>charts/a&quot;onload=&quot;alert(1).png</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_table_has_one_row_per_event_with_the_columns_of_events_log()
    {
        var html = Build();

        Assert.Contains(
            "<tbody>\n" +
            "<tr><td class=\"num\">0.250000</td><td>Normal</td><td>Scheduled</td><td>pod/default/web-1</td><td>Successfully assigned default/web-1 to node-a</td></tr>\n" +
            "<tr><td class=\"num\">10.000000</td><td>Warning</td><td>FailedScheduling</td><td>pod/ml/train-0</td><td>0/2 nodes are available:\n2 Insufficient nvidia.com/gpu.</td></tr>\n" +
            "</tbody>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"event-count\">2 events</span>", html, StringComparison.Ordinal);
    }

    /// <summary>train-0 is created at 10 s, fails at 10 s and is still pending at the end, 120 s: 110 s = 0.0306 h.</summary>
    [Fact]
    public void The_why_pending_table_charges_train_0s_wait_to_its_reason()
    {
        var failed = new Cluster.Store.ClusterEvent(SampleRuns.Seconds(10), Cluster.Store.EventType.Warning, "FailedScheduling", "Pod", "ml/train-0",
            "0/2 nodes are available: 2 Insufficient nvidia.com/gpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.", "default-scheduler");
        var html = Build(SampleRuns.Result() with { Events = [failed] });

        Assert.Contains(
            "<tr><td>Insufficient nvidia.com/gpu</td><td class=\"num\">1</td><td class=\"num\">0.0306</td></tr>\n" +
            "<tr><td>(any reason)</td><td class=\"num\">1</td><td class=\"num\">0.0306</td></tr>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_json_becomes_the_headline_table_and_one_section_per_object()
    {
        var html = Build();

        Assert.Contains("<tr><td>seed</td><td class=\"num\">7</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>end_reason</td><td class=\"num\">duration</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>jobs</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>jct_s.p50</td><td class=\"num\">61.5</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>cost</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>cluster_autoscaler</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_come_in_file_name_order_one_per_name_the_png_before_the_svg()
    {
        var directory = SampleRuns.WriteTo(_temp);
        var charts = Path.Combine(directory, ReportChart.DirectoryName);
        Directory.CreateDirectory(charts);
        File.WriteAllBytes(Path.Combine(charts, "b-pending.svg"), [60, 115, 118, 103, 47, 62]);
        File.WriteAllBytes(Path.Combine(charts, "a-allocation.svg"), [1]);
        File.WriteAllBytes(Path.Combine(charts, "a-allocation.png"), [2]);
        File.WriteAllText(Path.Combine(charts, "notes.txt"), "not a chart");

        var read = ReportChart.Read(directory);

        Assert.Equal(
            [("a-allocation", "a-allocation.png", "data:image/png;base64,Ag=="), ("b-pending", "b-pending.svg", "data:image/svg+xml;base64,PHN2Zy8+")],
            read.Select(c => (c.Name, c.FileName, c.DataUri)));
        Assert.Empty(ReportChart.Read(_temp.Combine("in")));
    }

    /// <summary>The manifest's wall-clock times and command line differ between the two runs; the page does not.</summary>
    [Fact]
    public void The_same_run_gives_the_same_bytes_whatever_the_clock_and_the_output_folder()
    {
        var scenario = _temp.WriteFile("in/sample.yaml", "kind: Scenario\n");
        var first = SampleRuns.Record(scenario);
        var second = first with
        {
            Provenance = first.Provenance with
            {
                StartedUtc = first.Provenance.StartedUtc.AddHours(5), FinishedUtc = first.Provenance.FinishedUtc.AddHours(6),
                Arguments = ["run", scenario, "--out", "elsewhere"],
            },
        };
        ResultsWriter.Write(_temp.Combine("one"), first, charts: false);
        ResultsWriter.Write(_temp.Combine("two"), second, charts: false);

        Assert.Equal(File.ReadAllBytes(_temp.Combine("one", RunReport.FileName)), File.ReadAllBytes(_temp.Combine("two", RunReport.FileName)));
        Assert.Contains("<tr><td>ksim version</td><td>1.0.0+abc</td></tr>", Report(_temp.Combine("one")), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_beyond_the_cap_are_left_to_events_log()
    {
        var events = Enumerable.Range(0, RunReport.MaxEventRows + 5)
            .Select(i => new Cluster.Store.ClusterEvent(SampleRuns.Seconds(i), Cluster.Store.EventType.Normal, "Pulled", "Pod", "default/p", "pulled", "kubelet"))
            .ToList();
        var html = Build(SampleRuns.Result() with { Events = events });

        Assert.Contains("<p class=\"note\">Showing the first 20000 of 20005 events; events.log has them all.</p>", html, StringComparison.Ordinal);
        Assert.Equal(RunReport.MaxEventRows, HeadlessChromium.Rows(html, "events").Count);
    }

    private string Build(RunResult? result = null, IReadOnlyList<ReportChart>? charts = null)
    {
        var directory = SampleRuns.WriteTo(_temp, result);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "summary.json")));
        var run = SampleRuns.Record(_temp.Combine("in/sample.yaml"), result);
        var scenario = new CopiedScenario("sample.yaml", [new CopiedFile("sample.yaml", 15, "0123abcd")]);
        return RunReport.Build(run, scenario, summary.RootElement, charts ?? [], [("scenario/sample.yaml", "kind: Scenario\n")]);
    }
}
