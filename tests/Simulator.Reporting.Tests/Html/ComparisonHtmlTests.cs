using Simulator.Reporting.Comparison;
using Simulator.Reporting.Html;

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
}
