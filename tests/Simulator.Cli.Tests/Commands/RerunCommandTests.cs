namespace Simulator.Cli.Tests.Commands;

[Collection(RerunCollection.Name)]
public sealed class RerunCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_folder_that_is_not_a_results_folder_exits_2()
    {
        _cli.WriteFile("somewhere/notes.txt", "x");

        var outcome = await _cli.RunAsync("rerun", _cli.PathTo("somewhere"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a ksim results folder", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_exits_2()
    {
        var outcome = await _cli.RunAsync("rerun", _cli.PathTo("nope"));

        Assert.Equal(2, outcome.ExitCode);
    }
}
