using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_bad_scenario_exits_2_with_positioned_errors_and_a_count()
    {
        var file = _cli.WriteFile("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Matches(new Regex("^" + Regex.Escape(file) + @":\d+:\d+: ", RegexOptions.Multiline), outcome.Error);
        Assert.Matches(new Regex(@"^\d+ error\(s\)$", RegexOptions.Multiline), outcome.Error);
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var missing = _cli.PathTo("missing.yaml");

        var outcome = await _cli.RunAsync("validate", missing);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(missing + ":1:1: ", outcome.Error, StringComparison.Ordinal);
    }
}
