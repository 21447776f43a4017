using System.CommandLine;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;
using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Scenarios;
using Simulator.Scenarios.Kinds;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim rerun RESULTS_DIR</c>: repeat a recorded run from its own scenario copy and check that
/// every results file comes out byte for byte the same (DESIGN §7, determinism).
/// </summary>
internal sealed class RerunCommand : Command
{
    private const string Text = """
        Repeat a recorded run and check that it gives byte-identical results.
        Reads RESULTS_DIR/manifest.json, runs the copy of the scenario in RESULTS_DIR/scenario/ with the
        same seed, profile and options (--duration, --expander) into a temporary folder, and compares every file except
        manifest.json and report.html (wall-clock times; the ksim version). Exit code 0 when identical, 1 when a file differs (the first difference is shown),
        2 when RESULTS_DIR is not a ksim results folder.
        """;

    private readonly CliContext _context;
    private readonly Option<LogLevel?> _logLevel;
    private readonly IReadOnlyList<string> _arguments;
    private readonly Argument<string> _directory = new("RESULTS_DIR")
    {
        Description = "A folder written by 'ksim run'.",
    };

    public RerunCommand(CliContext context, Option<LogLevel?> logLevel, IReadOnlyList<string> arguments)
        : base("rerun", Text)
    {
        _context = context;
        _logLevel = logLevel;
        _arguments = arguments;
        Add(_directory);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(parseResult, cancellationToken)));
    }

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var directory = _context.FullPath(parseResult.GetRequiredValue(_directory));
        if (!ResultsManifest.TryRead(directory, out var manifest, out var error))
        {
            _context.Error.WriteLine("ksim: " + error);
            return ExitCodes.BadInput;
        }
        if (manifest!.Partial)
        {
            _context.Error.WriteLine($"ksim: {_context.Display(directory)} holds a partial run (it was interrupted), which cannot be repeated");
            return ExitCodes.BadInput;
        }
        SimDuration? duration = null;
        if (manifest.DurationOverride is { } text)
        {
            if (!SimDuration.TryParse(text, out var parsed, out var durationError))
            {
                _context.Error.WriteLine($"ksim: {_context.Display(directory)}/manifest.json: options.duration: {durationError}");
                return ExitCodes.BadInput;
            }
            duration = parsed;
        }
        if (manifest.ExpanderOverride is { } chain && Expanders.Check(chain) is { } expanderError)
        {
            _context.Error.WriteLine($"ksim: {_context.Display(directory)}/manifest.json: options.expander: {expanderError}");
            return ExitCodes.BadInput;
        }

        var logLevel = parseResult.GetValue(_logLevel) ?? CommandOptions.DefaultLogLevel;
        using var loggers = KsimLogging.CreateFactory(logLevel);
        var execution = new ScenarioExecution(_context, loggers, logLevel);
        var scenario = execution.Load(manifest.EntryPath, "nothing was run");
        if (scenario is null) return ExitCodes.BadInput;
        // Checked after loading: the scenario's KubeSchedulerConfiguration may define the profile.
        if (!SchedulerProfiles.IsKnown(manifest.Profile, scenario.ConfiguredProfiles))
        {
            _context.Error.WriteLine($"ksim: {_context.Display(directory)}/manifest.json: profile: {SchedulerProfiles.UnknownMessage(manifest.Profile, scenario.ConfiguredProfiles)}");
            return ExitCodes.BadInput;
        }

        var options = new RunOptions
        {
            Seed = manifest.Seed, Profile = manifest.Profile, Duration = duration, Expander = manifest.ExpanderOverride,
            // A run made with --record-decisions is rerun with it, so that decisions.jsonl is compared too.
            RecordDecisions = File.Exists(Path.Combine(directory, DecisionsJsonl.FileName)),
        };
        var temporary = Path.Combine(Path.GetTempPath(), $"ksim-rerun-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var expander = manifest.ExpanderOverride is { } e ? $", expander {e}" : "";
            _context.Error.WriteLine($"ksim: rerunning {manifest.ScenarioName} with seed {manifest.Seed}, profile {manifest.Profile}{expander}");
            var rerunDirectory = Path.Combine(temporary, "results");
            var (record, exitCode) = execution.RunAndWrite(scenario, manifest.EntryPath, options, _arguments, rerunDirectory, cancellationToken);
            if (record is null) return exitCode;
            if (record.Result.Partial)
            {
                _context.Error.WriteLine("ksim: the rerun was interrupted; nothing was compared");
                return ExitCodes.Interrupted;
            }
            return Report(ResultsComparison.Compare(directory, rerunDirectory));
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }

    private int Report(ResultsComparison comparison)
    {
        if (comparison.FirstDifference is not { } difference)
        {
            _context.Out.WriteLine($"identical: {comparison.FilesCompared} files");
            return ExitCodes.Ok;
        }
        var where = difference.Line == 0 ? difference.File : $"{difference.File} line {difference.Line}";
        _context.Out.WriteLine($"different: {where}");
        _context.Out.WriteLine($"  recorded: {difference.Original}");
        _context.Out.WriteLine($"  rerun:    {difference.Rerun}");
        return ExitCodes.InternalError;
    }
}
