using System.Text.RegularExpressions;
using Simulator.Reporting.Tests.Html;

namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>report.html from the real loader and simulation: a scenario whose description and annotation are attacks.</summary>
[Collection(RerunCollection.Name)]
public sealed partial class ReportTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string EscapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private static string Payload(string where) => Script + $"<img src=x onerror=\\\"document.body.setAttribute('data-xss','{where}')\\\">";

    /// <summary>One node with 2 CPUs and a pod asking for 4: it stays Pending, so why-pending has a row.</summary>
    private static readonly string Hostile = $"""
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata:
          name: hostile
        spec:
          description: "{Payload("description")}"
          seed: 3
          duration: 10m
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: node-0
        status:
          capacity: {"{"}cpu: "2", memory: 4Gi, pods: "10"{"}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: big
          annotations:
            example.com/note: "{Payload("annotation")}"
        spec:
          containers:
          - name: main
            image: busybox
            resources:
              requests: {"{"}cpu: "4"{"}"}
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_report_of_a_hostile_scenario_shows_its_text_escaped_runs_none_of_it_and_repeats_byte_for_byte()
    {
        var scenario = _cli.WriteFile("hostile.yaml", Hostile);
        var (first, firstOut) = await _cli.RunToTempOutAsync(scenario);
        var (second, secondOut) = await _cli.RunToTempOutAsync(scenario);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var report = Path.Combine(firstOut, "report.html");
        var html = File.ReadAllText(report);

        Assert.Contains("<h1>hostile</h1>\n<p class=\"description\">" + EscapedScript, html, StringComparison.Ordinal);
        Assert.Contains("example.com/note: &quot;" + EscapedScript, html, StringComparison.Ordinal);
        // big waits from its first failed attempt at 0 s to the end at 600 s: 0.1667 pod-hours.
        Assert.Contains("<tr><td>Insufficient cpu</td><td class=\"num\">1</td><td class=\"num\">0.1667</td></tr>", html, StringComparison.Ordinal);
        // Determinism: the same bytes, charts aside (their bytes are the charts' own business).
        Assert.Equal(WithoutCharts(html), WithoutCharts(File.ReadAllText(Path.Combine(secondOut, "report.html"))));

        var page = HeadlessChromium.Open(report, "#filter=FailedScheduling");

        Assert.Empty(page.Console);
        Assert.DoesNotContain("data-xss=", page.Dom, StringComparison.Ordinal);
        Assert.Contains("<p class=\"description\">" + EscapedScript, page.Dom, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Dom.Split("<img class=\"chart\""), part => part.StartsWith(' ') && !part.Contains("data-loaded=\"yes\"", StringComparison.Ordinal));
        var rows = HeadlessChromium.Rows(page.Dom, "events");
        Assert.Contains(rows, r => !r.Hidden);
        Assert.Contains(rows, r => r.Hidden);
        Assert.All(rows, r => Assert.Equal(!r.Html.Contains("FailedScheduling", StringComparison.Ordinal), r.Hidden));
    }

    private static string WithoutCharts(string html) => ChartsSection().Replace(html, "");

    [GeneratedRegex("<!-- charts -->.*<!-- /charts -->", RegexOptions.Singleline)]
    private static partial Regex ChartsSection();
}
