using Microsoft.Extensions.Logging;
using Simulator.Cluster.Metrics;
using Simulator.Scenarios;

namespace Simulator.Cli;

/// <summary>The shape of <see cref="ScenarioRunner.Run"/>.</summary>
internal delegate RunResult ScenarioRun(
    ScenarioDefinition scenario, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken, ILoggerFactory? loggerFactory);

/// <summary>
/// Everything a command touches outside itself, so tests can run the CLI in-process with
/// their own writers, folder and clock.
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Relative paths and the default <c>results/</c> folder resolve against this.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Draw a progress bar (true) or print plain progress lines (false).</summary>
    public bool ErrorIsTerminal { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The scenario loader; tests replace it to drive the commands without real scenarios.</summary>
    public Func<string, ScenarioLoadResult> LoadScenario { get; init; } = ScenarioLoader.Load;

    /// <summary>The simulation; tests replace it to check the command flow (results, rerun, Ctrl+C, faults) on their own.</summary>
    public ScenarioRun RunScenario { get; init; } = ScenarioRunner.Run;

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>
    /// The path to hand to the loader, whose error messages echo it: as typed when it resolves
    /// against the process's own folder, absolute otherwise (in-process tests).
    /// </summary>
    public string LoaderPath(string path) =>
        Path.IsPathRooted(path) || WorkingDirectory != Environment.CurrentDirectory ? FullPath(path) : path;

    /// <summary>A path as the user would type it from the working directory.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
