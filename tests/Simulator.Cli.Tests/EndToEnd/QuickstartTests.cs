using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>The real loader and simulation on the shipped quickstart scenario, through the CLI.</summary>
[Collection(RerunCollection.Name)]
public sealed class QuickstartTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _quickstart =
        Path.Combine(RepositoryLocator.FindRootOfExecutable()!, RepositoryLocator.DefaultScenario);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_writes_every_results_file_and_rerun_finds_them_identical()
    {
        var (run, output) = await _cli.RunToTempOutAsync(_quickstart, "--seed", "11");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("results: out-", run.Out, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.json", "pods.csv", "jobs.csv", "nodes.csv", "recoveries.csv", "timeseries.csv", "events.log", "manifest.json", "scenario/01-quickstart.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }
        Assert.Equal(File.ReadAllBytes(_quickstart), File.ReadAllBytes(Path.Combine(output, "scenario", "01-quickstart.yaml")));

        var rerun = await _cli.RunAsync("rerun", output);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("identical: 11 files\n", rerun.Out);
    }

    [Fact]
    public async Task Without_a_file_the_quickstart_runs()
    {
        var outcome = await _cli.RunAsync("run", "--duration", "10m", "--out", _cli.PathTo("out"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("scenario quickstart", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("simulated 10m0s", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quickstart_validates()
    {
        var outcome = await _cli.RunAsync("validate", _quickstart);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@": ok \(\d+ nodes, \d+ pods\)\n$", outcome.Out);
    }
}
