using Simulator.Reporting.Html;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Html;

/// <summary>report.html in a real browser (Debian's chromium, headless): what a reader would see.</summary>
public sealed class ReportBrowserTests : IDisposable
{
    /// <summary>A 4x3 PNG, one colour.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGMwTjsDRww4OQA/XBC9QOaw3gAAAABJRU5ErkJggg==");

    private const string Svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\"><rect width=\"120\" height=\"60\" fill=\"#36c\"/><text x=\"5\" y=\"30\">pending pods</text></svg>";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The hostile run with two charts, opened at report.html#filter=FailedScheduling.</summary>
    [Fact]
    public void The_report_loads_its_charts_filters_the_events_runs_no_injected_script_and_logs_nothing()
    {
        var (directory, run, scenario) = HostileRun.Write(_temp);
        WriteChart(directory, "allocation.png", Png);
        WriteChart(directory, "pending.svg", System.Text.Encoding.UTF8.GetBytes(Svg));
        RunReport.Write(directory, run, scenario);

        var page = HeadlessChromium.Open(Path.Combine(directory, RunReport.FileName), "#filter=FailedScheduling");

        Assert.Empty(page.Console);
        Assert.Equal(2, CountOf(page.Dom, "<img class=\"chart\""));
        Assert.Equal(2, CountOf(page.Dom, "data-loaded=\"yes\""));
        // 4 events, 2 of them FailedScheduling: the other two are hidden.
        var rows = HeadlessChromium.Rows(page.Dom, "events");
        Assert.Equal([true, false, true, false], rows.Select(r => r.Hidden));
        Assert.All(rows.Where(r => !r.Hidden), r => Assert.Contains("<td>FailedScheduling</td>", r.Html, StringComparison.Ordinal));
        Assert.Contains("<span id=\"event-count\">2 of 4 events</span>", page.Dom, StringComparison.Ordinal);
        Assert.Contains("data-filter=\"FailedScheduling\"", page.Dom, StringComparison.Ordinal);
        // The injected markup is text on the page, and none of it ran.
        Assert.DoesNotContain("data-xss=", page.Dom, StringComparison.Ordinal);
        Assert.Contains("<p class=\"description\">" + HostileRun.EscapedScript, page.Dom, StringComparison.Ordinal);
        Assert.Contains("example.com/note: '" + HostileRun.EscapedScript, page.Dom, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(page.Dom, "<script>"));
    }

    [Fact]
    public void Without_a_filter_every_event_shows_and_without_charts_the_page_still_renders()
    {
        var (directory, _, _) = HostileRun.Write(_temp);

        var page = HeadlessChromium.Open(Path.Combine(directory, RunReport.FileName));

        Assert.Empty(page.Console);
        Assert.Equal(4, HeadlessChromium.Rows(page.Dom, "events").Count(r => !r.Hidden));
        Assert.Contains("No charts in charts/.", page.Dom, StringComparison.Ordinal);
        Assert.Contains("<h2>Why pending</h2>", page.Dom, StringComparison.Ordinal);
    }

    /// <summary>The checks above can fail: a chart that does not decode is marked, a script error is logged.</summary>
    [Fact]
    public void A_chart_that_does_not_decode_is_marked_not_loaded_and_a_script_error_reaches_the_console_list()
    {
        var (directory, run, scenario) = HostileRun.Write(_temp);
        WriteChart(directory, "broken.png", [1, 2, 3, 4]);
        RunReport.Write(directory, run, scenario);
        var broken = _temp.WriteFile("broken.html", "<!DOCTYPE html><html><body><script>missingFunction();</script></body></html>");

        var report = HeadlessChromium.Open(Path.Combine(directory, RunReport.FileName));
        var failing = HeadlessChromium.Open(broken);

        Assert.Contains("data-loaded=\"no\"", report.Dom, StringComparison.Ordinal);
        Assert.Contains(failing.Console, line => line.Contains("missingFunction is not defined", StringComparison.Ordinal));
    }

    /// <summary>comparison.html as <c>ksim compare</c> writes it (its three charts drawn for real) renders with its charts and logs nothing.</summary>
    [Fact]
    public void The_comparison_page_renders_its_charts_and_logs_nothing()
    {
        Simulator.Reporting.Comparison.ComparisonFiles.Write(_temp.Path, Charts.CompareChartsTests.Sample());

        var page = HeadlessChromium.Open(_temp.Combine(ComparisonHtml.FileName));

        Assert.Empty(page.Console);
        Assert.Equal(3, CountOf(page.Dom, "<img class=\"chart\""));
        Assert.Contains("<figcaption>charts/metric-jct_mean.png</figcaption>", page.Dom, StringComparison.Ordinal);
    }

    private static void WriteChart(string directory, string name, byte[] bytes)
    {
        var charts = Path.Combine(directory, ReportChart.DirectoryName);
        Directory.CreateDirectory(charts);
        File.WriteAllBytes(Path.Combine(charts, name), bytes);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
