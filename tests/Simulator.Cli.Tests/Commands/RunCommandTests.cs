namespace Simulator.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_missing_scenario_file_exits_2_and_writes_nothing()
    {
        var missing = _cli.PathTo("nothere.yaml");

        var (outcome, output) = await _cli.RunToTempOutAsync(missing);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(missing + ":1:1: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was run", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task Without_out_nothing_appears_under_results_when_loading_fails()
    {
        var file = _cli.WriteFile("bad.yaml", "kind: [\n");

        var outcome = await _cli.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.False(Directory.Exists(_cli.PathTo("results")));
    }

    [Theory]
    [InlineData("--duration", "5x", "--duration: invalid duration \"5x\"")]
    [InlineData("--duration", "-5m", "--duration: must not be negative")]
    [InlineData("--seed", "-5", "--seed: expected a whole number")]
    [InlineData("--seed", "lots", "--seed: expected a whole number")]
    [InlineData("--profile", "fastest", "--profile: unknown scheduler profile \"fastest\" (known: bin-packing, default, dot-product, fastest-accelerator, fgd, gang, gpu-best-fit, gpu-clustering, gpu-packing, random, spread)")]
    [InlineData("--expander", "bogus", "--expander: unknown expander \"bogus\" (known: least-nodes, least-waste, most-pods, price, priority, random)")]
    [InlineData("--expander", "priority,least-wast", "--expander: unknown expander \"least-wast\" (known: least-nodes, least-waste, most-pods, price, priority, random); did you mean \"least-waste\"?")]
    [InlineData("--expander", "price,price", "--expander: expander \"price\" is given more than once; each expander may be used once")]
    [InlineData("--expander", "price,", "--expander: empty expander name in \"price,\"")]
    public async Task Bad_option_values_exit_2_before_anything_runs(string option, string value, string expected)
    {
        var file = _cli.WriteFile("s.yaml", "kind: Scenario\n");

        var (outcome, output) = await _cli.RunToTempOutAsync(file, option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task An_out_folder_that_is_not_empty_is_refused_and_left_alone()
    {
        var file = _cli.WriteFile("s.yaml", "kind: Scenario\n");
        var existing = _cli.WriteFile("out/keep.txt", "mine");

        var outcome = await _cli.RunAsync("run", file, "--out", _cli.PathTo("out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("already exists and is not empty", outcome.Error, StringComparison.Ordinal);
        Assert.Equal([existing], Directory.GetFileSystemEntries(_cli.PathTo("out")));
    }
}
