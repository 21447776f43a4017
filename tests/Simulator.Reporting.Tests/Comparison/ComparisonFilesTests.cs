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
