using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.Commands;

/// <summary>
/// Two bundled scenarios run once through <c>ksim run</c> for all the get/describe tests:
/// 02-self-healing (cpu-b-0 fails at 1h; its two pods are NotReady from 1h0m50s, marked for
/// deletion at 1h5m50s, when their replacements are created, and removed when the node is back at
/// 2h), 01-quickstart (train-huge never fits, train-vit arrives at 10m, etl-0 completes at 481 s)
/// and 03-job-retries (broken-train fails for good at 2256 s, finetune completes at 7297 s).
/// </summary>
public sealed class KubectlViewRuns : IDisposable
{
    internal CliHarness Cli { get; } = new();

    public KubectlViewRuns()
    {
        var root = RepositoryLocator.FindRootOfExecutable()!;
        SelfHealing = Run(Path.Combine(root, "scenarios", "02-self-healing.yaml"), "self-healing");
        Quickstart = Run(Path.Combine(root, RepositoryLocator.DefaultScenario), "quickstart");
        JobRetries = Run(Path.Combine(root, "scenarios", "03-job-retries.yaml"), "job-retries");
    }

    public string SelfHealing { get; }
    public string Quickstart { get; }
    public string JobRetries { get; }

    private string Run(string scenario, string folder)
    {
        var outcome = Cli.RunAsync("run", scenario, "--out", folder).GetAwaiter().GetResult();
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return Cli.PathTo(folder);
    }

    public void Dispose() => Cli.Dispose();
}
