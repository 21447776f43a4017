using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Tests.Comparison;

public sealed class ComparisonFilesTests
{
    private static readonly HeadlineMetric Jct = new("jct_mean", "s", MetricDirection.LowerIsBetter, "Job completion time, mean", _ => null);

    private static ComparisonResult Sample() => new("demo", [5, 6, 7], ["packing", "spread"], "packing",
    [
        new MetricResult(Jct,
        [
            new ProfileResult("packing", new MeanInterval(3, 100, 90, 110), null),
            new ProfileResult("spread", new MeanInterval(3, 80.5, 70.25, 90.75), new MeanInterval(3, -19.5, -25, -14)),
        ]),
    ]);

    [Fact]
    public void The_csv_has_one_row_per_profile_and_metric_with_round_trip_numbers()
    {
        var writer = new StringWriter { NewLine = "\n" };
        ComparisonCsv.Write(writer, Sample());
        Assert.Equal(
            "profile,metric,unit,n,mean,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high,significant\n" +
            "packing,jct_mean,s,3,100,90,110,,,,\n" +
            "spread,jct_mean,s,3,80.5,70.25,90.75,-19.5,-25,-14,true\n",
            writer.ToString());
    }

    [Fact]
    public void The_markdown_lists_the_best_profile_first_with_its_verdict()
    {
        var writer = new StringWriter { NewLine = "\n" };
        ComparisonMarkdown.Write(writer, Sample());
        var text = writer.ToString();
        Assert.Contains("- seeds: 5..7 (3), the same for every profile\n", text, StringComparison.Ordinal);
        Assert.Contains("## jct_mean (s, lower is better)\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "| spread | 3 | 80.50 +/- 10.25 | [70.25, 90.75] | -19.50 | [-25.00, -14.00] | better |\n" +
            "| packing | 3 | 100.0 +/- 10.00 | [90.00, 110.0] |  |  | baseline |\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expander_comparison_heads_its_tables_with_expander_and_separates_chains_by_semicolons()
    {
        var sample = Sample();
        var comparison = sample with
        {
            Profiles = ["priority,least-waste", "price"],
            Baseline = "priority,least-waste",
            Axis = "expander",
            Metrics = [new MetricResult(Jct, [sample.Metrics[0].Profiles[0] with { Profile = "priority,least-waste" }, sample.Metrics[0].Profiles[1] with { Profile = "price" }])],
        };

        var csv = new StringWriter { NewLine = "\n" };
        ComparisonCsv.Write(csv, comparison);
        Assert.Equal(
            "expander,metric,unit,n,mean,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high,significant\n" +
            "\"priority,least-waste\",jct_mean,s,3,100,90,110,,,,\n" +
            "price,jct_mean,s,3,80.5,70.25,90.75,-19.5,-25,-14,true\n",
            csv.ToString());

        var md = new StringWriter { NewLine = "\n" };
        ComparisonMarkdown.Write(md, comparison);
        var text = md.ToString();
        Assert.Contains("- expanders: priority,least-waste; price (baseline: priority,least-waste)\n", text, StringComparison.Ordinal);
        Assert.Contains("- seeds: 5..7 (3), the same for every expander\n", text, StringComparison.Ordinal);
        Assert.Contains("  vs priority,least-waste: the mean per-seed difference (expander minus baseline)", text, StringComparison.Ordinal);
        Assert.Contains("| expander | n | mean | 95 % CI | vs priority,least-waste |", text, StringComparison.Ordinal);
        Assert.Contains("| priority,least-waste | 3 | 100.0 +/- 10.00 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_without_commas_are_joined_by_commas_and_chains_by_semicolons()
    {
        Assert.Equal("default, spread", ComparisonResult.JoinNames(["default", "spread"]));
        Assert.Equal("price; priority,random", ComparisonResult.JoinNames(["price", "priority,random"]));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.000123456, "0.000123")]
    [InlineData(0.5, "0.5000")]
    [InlineData(12.346, "12.35")]
    [InlineData(-123.46, "-123.5")]
    [InlineData(98765.4, "98765")]
    public void Numbers_keep_four_significant_digits(double value, string text) =>
        Assert.Equal(text, ComparisonMarkdown.Number(value));
}
