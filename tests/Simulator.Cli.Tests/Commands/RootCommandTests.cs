using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.Commands;

[Collection(RerunCollection.Name)]
public sealed class RootCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Help_lists_the_commands_and_explains_scenarios_results_and_exit_codes()
    {
        var outcome = await _cli.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var expected in new[] { "run", "validate", "rerun", "compare", "scenario is a YAML file or a folder of YAML files", "results/<scenario>/<run-id>/", "Exit codes: 0 ok; 1 internal error", "2 bad input" })
        {
            Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run", "--seed")]
    [InlineData("run", "--duration")]
    [InlineData("validate", "file:line:col")]
    [InlineData("rerun", "byte-identical")]
    [InlineData("compare", "--profiles")]
    [InlineData("compare", "Student t")]
    public async Task Each_command_has_its_own_help(string command, string expected)
    {
        var outcome = await _cli.RunAsync(command, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_ksims_own_informational_version()
    {
        var outcome = await _cli.RunAsync("--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(BuildInfo.KsimVersion + "\n", outcome.Out);
        Assert.NotEqual("unknown", BuildInfo.KsimVersion);
    }

    [Theory]
    [InlineData(new string[0], "Required command")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "run", "--log-level", "loud", "x.yaml" }, "--log-level: expected trace, debug")]
    [InlineData(new[] { "validate" }, "Required argument missing")]
    public async Task Usage_errors_exit_2_with_a_pointer_to_help(string[] args, string expected)
    {
        var outcome = await _cli.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", outcome.Error, StringComparison.Ordinal);
    }
}
