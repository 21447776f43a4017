using Simulator.Cluster.Metrics;
using Simulator.Scenarios;

namespace Simulator.Cli.Tests;

/// <summary>What one in-process <c>ksim</c> invocation produced.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>
/// Runs the CLI in-process inside a private working folder, so default paths (results/) land
/// there and tests can look at what was, or was not, written. End-to-end tests of run and
/// rerun use <see cref="RunToTempOutAsync"/>.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "ksim-cli-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    /// <summary>Replaces the real loader when set (see <see cref="FakeScenarios"/>).</summary>
    public Func<string, ScenarioLoadResult>? Loader { get; set; }

    /// <summary>Replaces the real simulation when set.</summary>
    public ScenarioRun? Runner { get; set; }

    /// <summary>Cancels the invocation's token, as Ctrl+C does in Program.cs.</summary>
    public CancellationToken Cancellation { get; set; }

    public string PathTo(string relative) => Path.Combine(WorkingDirectory, relative);

    public string WriteFile(string relative, string content)
    {
        var path = PathTo(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<CliOutcome> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr) { WorkingDirectory = WorkingDirectory };
        if (Loader is not null) context = context with { LoadScenario = Loader };
        if (Runner is not null) context = context with { RunScenario = Runner };
        int exitCode = await Cli.InvokeAsync(args, context, Cancellation);
        return new CliOutcome(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>ksim run</c> with <c>--out</c> set to a fresh folder, returned with the outcome.</summary>
    public async Task<(CliOutcome Outcome, string OutputDirectory)> RunToTempOutAsync(params string[] runArguments)
    {
        var output = PathTo("out-" + Guid.NewGuid().ToString("N")[..8]);
        var outcome = await RunAsync(["run", .. runArguments, "--out", output]);
        return (outcome, output);
    }

    public void Dispose()
    {
        if (Directory.Exists(WorkingDirectory)) Directory.Delete(WorkingDirectory, recursive: true);
    }
}
