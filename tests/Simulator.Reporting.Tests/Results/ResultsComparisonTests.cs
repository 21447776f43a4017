using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

public sealed class ResultsComparisonTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ResultsComparison Compare() => ResultsComparison.Compare(_temp.Combine("a"), _temp.Combine("b"));

    private void Both(string file, string content)
    {
        _temp.WriteFile("a/" + file, content);
        _temp.WriteFile("b/" + file, content);
    }

    [Fact]
    public void Identical_folders_count_every_file_but_the_manifest()
    {
        Both("pods.csv", "x\n");
        Both("scenario/s.yaml", "y\n");
        _temp.WriteFile("a/manifest.json", "{\"started_utc\": 1}\n");
        _temp.WriteFile("b/manifest.json", "{\"started_utc\": 2}\n");

        var comparison = Compare();

        Assert.True(comparison.Identical);
        Assert.Equal(2, comparison.FilesCompared);
    }

    /// <summary>report.html shows the ksim version and commit: a rerun by a newer build may change it and nothing else.</summary>
    [Fact]
    public void The_report_is_not_compared()
    {
        Both("pods.csv", "x\n");
        _temp.WriteFile("a/report.html", "<td>1.0.0+abc</td>\n");
        _temp.WriteFile("b/report.html", "<td>1.0.1+def</td>\n");

        var comparison = Compare();

        Assert.True(comparison.Identical);
        Assert.Equal(1, comparison.FilesCompared);
    }

    [Theory]
    [InlineData("h\nr1\nr2\n", "h\nr1\nR2\n", 3, "r2", "R2")]
    [InlineData("h\nr1\n", "h\nr1\nr2\n", 3, "(end of file)", "r2")]
    [InlineData("h\nr1", "h\nr1\n", 2, "r1 (no newline at end of file)", "r1")]
    [InlineData("a\n", "b\n", 1, "a", "b")]
    public void The_first_differing_line_is_reported_with_both_versions(string a, string b, int line, string original, string rerun)
    {
        _temp.WriteFile("a/timeseries.csv", a);
        _temp.WriteFile("b/timeseries.csv", b);

        var difference = Compare().FirstDifference;

        Assert.Equal(new FileDifference("timeseries.csv", line, original, rerun), difference);
    }

    [Fact]
    public void A_file_on_one_side_only_is_a_difference()
    {
        Both("pods.csv", "x\n");
        _temp.WriteFile("b/extra.csv", "x\n");

        var difference = Compare().FirstDifference;

        Assert.Equal("extra.csv", difference!.File);
        Assert.Equal(0, difference.Line);
    }

    [Fact]
    public void The_first_file_in_ordinal_order_is_reported()
    {
        _temp.WriteFile("a/pods.csv", "1\n");
        _temp.WriteFile("b/pods.csv", "2\n");
        _temp.WriteFile("a/events.log", "1\n");
        _temp.WriteFile("b/events.log", "2\n");

        Assert.Equal("events.log", Compare().FirstDifference!.File);
    }
}
