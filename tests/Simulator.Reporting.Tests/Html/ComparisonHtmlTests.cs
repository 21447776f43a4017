using Simulator.Reporting.Comparison;
using Simulator.Reporting.Html;
using Simulator.Reporting.Tests.Charts;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Html;

public sealed class ComparisonHtmlTests
{
    private static readonly HeadlineMetric Jct = new("jct_mean", "s", MetricDirection.LowerIsBetter, "Job completion time, mean", _ => null);

    private static ComparisonResult Sample(string scenario = "demo") => new(scenario, [5, 6, 7], ["packing", "spread"], "packing",
    [
        new MetricResult(Jct,
        [
            new ProfileResult("packing", new MeanInterval(3, 100, 90, 110), null),
            new ProfileResult("spread", new MeanInterval(3, 80.5, 70.25, 90.75), new MeanInterval(3, -19.5, -25, -14)),
        ]),
    ]);

    /// <summary>The rows of comparison.md's table ("| spread | 3 | 80.50 +/- 10.25 | ... | better |"), cell for cell.</summary>
    [Fact]
    public void Each_metric_is_the_markdown_table_as_an_html_table()
    {
        var html = ComparisonHtml.Build(Sample());

        Assert.Contains("<h2>jct_mean (s, lower is better)</h2>\n<p>Job completion time, mean.</p>\n", html, StringComparison.Ordinal);
        Assert.Contains(
            "<thead><tr><th>profile</th><th class=\"num\">n</th><th class=\"num\">mean</th><th>95 % CI</th><th class=\"num\">vs packing</th><th>95 % CI of difference</th><th>verdict</th></tr></thead>\n<tbody>\n" +
            "<tr><td>spread</td><td class=\"num\">3</td><td class=\"num\">80.50 +/- 10.25</td><td>[70.25, 90.75]</td><td class=\"num\">-19.50</td><td>[-25.00, -14.00]</td><td>better</td></tr>\n" +
            "<tr><td>packing</td><td class=\"num\">3</td><td class=\"num\">100.0 +/- 10.00</td><td>[90.00, 110.0]</td><td class=\"num\"></td><td></td><td>baseline</td></tr>\n",
            html, StringComparison.Ordinal);
        Assert.Contains("<li>seeds: 5..7 (3), the same for every profile</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scenario_name_is_escaped_and_the_page_has_no_script()
    {
        var html = ComparisonHtml.Build(Sample(HostileRun.Script));

        Assert.Contains("<h1>Comparison: " + HostileRun.EscapedScript + "</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<title>ksim comparison: " + HostileRun.EscapedScript + "</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// ComparisonFiles draws the comparison's charts into charts/ (PNG and SVG each) and embeds the
    /// PNGs in comparison.html as data URIs, in the order drawn: the metrics' order, then the CDFs.
    /// </summary>
    [Fact]
    public void The_page_embeds_the_charts_written_to_charts_in_the_metrics_order()
    {
        using var temp = new TempDirectory();
        ComparisonFiles.Write(temp.Path, CompareChartsTests.Sample());

        Assert.Equal(
            ["jct-cdf.png", "jct-cdf.svg", "metric-allocation_gpu.png", "metric-allocation_gpu.svg", "metric-jct_mean.png", "metric-jct_mean.svg"],
            Directory.EnumerateFiles(temp.Combine("charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var html = File.ReadAllText(temp.Combine(ComparisonHtml.FileName));
        string[] names = ["metric-jct_mean", "metric-allocation_gpu", "jct-cdf"];
        var at = names.Select(n => html.IndexOf($"<img class=\"chart\" alt=\"{n}\" src=\"data:image/png;base64,", StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
        Assert.True(html.IndexOf("<h2>Charts</h2>", StringComparison.Ordinal) > html.IndexOf("<h2>allocation_gpu", StringComparison.Ordinal));
        var png = Convert.ToBase64String(File.ReadAllBytes(temp.Combine("charts", "metric-jct_mean.png")));
        Assert.Contains($"alt=\"metric-jct_mean\" src=\"data:image/png;base64,{png}\"", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>charts/jct-cdf.png</figcaption>", html, StringComparison.Ordinal);
    }
}
