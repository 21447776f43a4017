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

    [Fact]
    public async Task A_node_pool_with_min_above_max_and_a_negative_price_exits_2_naming_both_fields()
    {
        var file = _cli.WriteFile("pool.yaml", """
            apiVersion: ksim.dev/v1alpha1
            kind: NodePool
            metadata: {name: gpu}
            spec:
              count: 2
              pricePerHour: -1
              autoscaling: {min: 3, max: 1}
              template:
                capacity: {cpu: 8}
            """);

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
            $"{file}:6:17: spec.pricePerHour: must not be negative, got \"-1\"\n" +
            $"{file}:7:30: spec.autoscaling.max: Invalid value: 1: must be greater than or equal to spec.autoscaling.min (3)\n" +
            "2 error(s)\n",
            outcome.Error);
        Assert.Empty(outcome.Out);
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
