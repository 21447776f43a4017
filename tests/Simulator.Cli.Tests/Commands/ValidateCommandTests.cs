using System.Text.RegularExpressions;
using Simulator.Cli.Support;

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

    [Theory]
    [InlineData("02-self-healing.yaml", "4 nodes, 0 pods, 1 Deployment, 2 timeline actions")]
    [InlineData("03-job-retries.yaml", "2 nodes, 0 pods, 2 Jobs")]
    [InlineData("04-random-failures.yaml", "16 nodes, 0 pods, 1 Deployment, 12 Jobs, 2 fault models")]
    public async Task A_valid_scenario_says_what_it_holds(string scenario, string contents)
    {
        var file = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, "scenarios", scenario);

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"{file}: ok ({contents})\n", outcome.Out);
    }
}
