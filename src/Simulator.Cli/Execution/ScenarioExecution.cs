using Microsoft.Extensions.Logging;
using Simulator.Cli.Support;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;
using Simulator.Scenarios;
using Simulator.Scenarios.Kinds;

namespace Simulator.Cli.Execution;

/// <summary>What <c>run</c> and <c>rerun</c> share: load a scenario, run it with progress, write its results.</summary>
internal sealed partial class ScenarioExecution(CliContext context, ILoggerFactory loggers, LogLevel logLevel)
{
    private readonly ILogger _logger = loggers.CreateLogger("ksim");
    private readonly ILoggerFactory _loggers = loggers;

    /// <summary>
    /// Loads a scenario, or prints every error in it (file:line:col: field: message), then the
    /// count and <paramref name="consequence"/>, and returns null.
    /// </summary>
    public ScenarioDefinition? Load(string path, string? consequence)
    {
        var loaderPath = context.LoaderPath(path);
        var loaded = context.LoadScenario(loaderPath);
        if (loaded.Succeeded)
        {
            var scenario = loaded.Scenario!;
            LogLoaded(_logger, scenario.Name, loaderPath, scenario.Nodes.Count, scenario.Pods.Count);
            return scenario;
        }
        foreach (var error in loaded.Errors) context.Error.WriteLine(error.ToString());
        // A loader that fails without saying why is still a failure, never a run.
        int count = Math.Max(1, loaded.Errors.Count);
        if (loaded.Errors.Count == 0) context.Error.WriteLine($"{path}: the scenario could not be loaded");
        context.Error.WriteLine(Tally(count, consequence));
        return null;
    }

    private static string Tally(int errors, string? consequence) =>
        consequence is null ? $"{errors} error(s)" : $"{errors} error(s); {consequence}";

    /// <summary>
    /// A chosen profile is checked against the built-ins when the option is parsed; beside a
    /// KubeSchedulerConfiguration it must also share the configured profiles' queue sort, or the
    /// scheduler could not be built. Says why on the error stream when it does not.
    /// </summary>
    public bool ProfileConflicts(ScenarioDefinition scenario, string option, string? profile)
    {
        if (profile is null || SchedulerProfiles.QueueSortConflict(profile, scenario.ConfiguredProfiles) is not { } conflict) return false;
        context.Error.WriteLine($"ksim: {option}: {conflict}");
        return true;
    }

    /// <summary>
    /// Runs the scenario and writes its results to <paramref name="outputDirectory"/>. Returns the
    /// record written, or null with the exit code to return when nothing was written.
    /// </summary>
    public (RunRecord? Record, int ExitCode) RunAndWrite(
        ScenarioDefinition scenario, string scenarioPath, RunOptions options, IReadOnlyList<string> arguments,
        string outputDirectory, CancellationToken cancellationToken)
    {
        if (ProfileConflicts(scenario, "--profile", options.Profile)) return (null, ExitCodes.BadInput);
        var started = context.Clock.GetUtcNow();
        RunResult result;
        try
        {
            // Narration is the progress: a bar redrawn between its lines would only garble them.
            result = options.Narrate
                ? context.RunScenario(scenario, options, null, cancellationToken, _loggers)
                : ProgressReporter.Run(context, progress => context.RunScenario(scenario, options, progress, cancellationToken, _loggers));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("ksim: interrupted before anything was simulated; nothing was written");
            return (null, ExitCodes.Interrupted);
        }
        catch (Exception e)
        {
            return (null, InternalError.Report(context, e, withStackTrace: logLevel <= LogLevel.Debug));
        }

        var record = Record(scenario, scenarioPath, options, arguments, result, started);
        try
        {
            LogWriting(_logger, outputDirectory);
            ResultsWriter.Write(outputDirectory, record);
        }
        catch (ResultsTargetNotEmptyException e)
        {
            context.Error.WriteLine("ksim: " + e.Message);
            return (null, ExitCodes.BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"ksim: could not write the results to {context.Display(outputDirectory)}: {e.Message}; nothing was written");
            return (null, ExitCodes.InternalError);
        }
        return (record, ExitCodes.Ok);
    }

    /// <summary>What the results folder records about one finished run.</summary>
    public RunRecord Record(
        ScenarioDefinition scenario, string scenarioPath, RunOptions options, IReadOnlyList<string> arguments, RunResult result, DateTimeOffset started) =>
        new()
        {
            ScenarioName = scenario.Name,
            Description = scenario.Description,
            Seed = options.Seed ?? scenario.Seed,
            Profile = options.Profile ?? scenario.Profile,
            Result = result,
            Scenario = new ScenarioSource(context.FullPath(scenarioPath), scenario.SourceFiles),
            Provenance = Provenance(options, arguments, started),
        };

    private RunProvenance Provenance(RunOptions options, IReadOnlyList<string> arguments, DateTimeOffset started)
    {
        var (commit, dirty) = BuildInfo.GitState(RepositoryLocator.FindRootOfExecutable());
        return new RunProvenance
        {
            Arguments = arguments,
            SeedOverride = options.Seed,
            ProfileOverride = options.Profile,
            DurationOverride = options.Duration?.ToString(),
            ExpanderOverride = options.Expander,
            KsimVersion = BuildInfo.KsimVersion,
            GitCommit = commit,
            GitDirty = dirty,
            DotnetVersion = BuildInfo.DotnetVersion,
            OperatingSystem = BuildInfo.OperatingSystem,
            Packages = BuildInfo.PackageVersions(),
            StartedUtc = started,
            FinishedUtc = context.Clock.GetUtcNow(),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "loaded scenario {Name} from {Path}: {Nodes} nodes, {Pods} pods")]
    private static partial void LogLoaded(ILogger logger, string name, string path, int nodes, int pods);

    [LoggerMessage(Level = LogLevel.Information, Message = "writing results to {Directory}")]
    private static partial void LogWriting(ILogger logger, string directory);
}
