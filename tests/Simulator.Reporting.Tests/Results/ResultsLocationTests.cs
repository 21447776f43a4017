using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

public sealed class ResultsLocationTests
{
    private static readonly DateTime Start = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    [Fact]
    public void Run_id_is_utc_start_time_and_seed()
    {
        Assert.Equal("20250304-050607-seed42", ResultsLocation.RunId(Start, 42));
    }

    [Fact]
    public void A_second_run_in_the_same_second_gets_a_numbered_folder()
    {
        using var temp = new TempDirectory();
        var first = ResultsLocation.DefaultDirectory(temp.Path, "quickstart", Start, 1);
        Directory.CreateDirectory(first);
        var second = ResultsLocation.DefaultDirectory(temp.Path, "quickstart", Start, 1);
        Directory.CreateDirectory(second);
        var third = ResultsLocation.DefaultDirectory(temp.Path, "quickstart", Start, 1);

        Assert.Equal(temp.Combine("quickstart", "20250304-050607-seed1"), first);
        Assert.Equal(first + "-2", second);
        Assert.Equal(first + "-3", third);
    }

    [Theory]
    [InlineData("quickstart", "quickstart")]
    [InlineData("gpu_fgd.v2", "gpu_fgd.v2")]
    [InlineData("../../etc", "-..-etc")]
    [InlineData("a b/c", "a-b-c")]
    [InlineData("", "scenario")]
    [InlineData("..", "scenario")]
    public void Scenario_names_cannot_escape_the_results_folder(string name, string expected)
    {
        Assert.Equal(expected, ResultsLocation.SafeName(name));
    }

    [Fact]
    public void Only_a_missing_or_empty_folder_is_free()
    {
        using var temp = new TempDirectory();
        Assert.True(ResultsLocation.IsFree(temp.Combine("missing")));
        Assert.True(ResultsLocation.IsFree(temp.Path));
        temp.WriteFile("x.txt", "x");
        Assert.False(ResultsLocation.IsFree(temp.Path));
        Assert.False(ResultsLocation.IsFree(temp.Combine("x.txt")));
    }
}
