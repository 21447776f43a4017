using System.CommandLine;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;
using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Scenarios;

namespace Simulator.Cli.Commands;

/// <summary><c>ksim run [FILE]</c>: load, simulate, write the results folder, print a summary.</summary>
internal sealed class RunCommand : Command
{
    private const string Text = """
        Run a scenario and write its results.
        Without FILE, runs scenarios/01-quickstart.yaml. Scenario errors are all listed (file:line:col:
        field: message) and nothing is run. Progress goes to stderr, a short summary to stdout, and the
        results to results/<scenario>/<run-id>/ (run-id = UTC start time and seed) or to --out DIR.
        Ctrl+C stops the run and still writes what was simulated so far, marked partial (exit 130).
        """;

    private readonly CliContext _context;
    private readonly Option<LogLevel?> _logLevel;
    private readonly IReadOnlyList<string> _arguments;
    private readonly Argument<string?> _file = new("FILE")
    {
        Description = "The scenario: a YAML file or a folder of YAML files (default: scenarios/01-quickstart.yaml).",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly Option<ulong?> _seed = CommandOptions.Seed();
    private readonly Option<string?> _profile = CommandOptions.Profile();
    private readonly Option<SimDuration?> _duration = CommandOptions.Duration();
    private readonly Option<string?> _out = CommandOptions.Out();
    private readonly Option<string?> _expander = CommandOptions.Expander();
    private readonly Option<bool> _recordDecisions = new("--record-decisions")
    {
        Description = "Also write decisions.jsonl: every scheduling attempt's filter verdicts, scores, chosen node, failure message and preemption.",
    };

    private readonly Option<bool> _narrate = new("--narrate")
    {
        Description = "Print every decision as it happens, one line each in virtual time (scheduler bindings with their scores, node lifecycle, controllers, autoscalers), instead of a progress bar.",
    };

    public RunCommand(CliContext context, Option<LogLevel?> logLevel, IReadOnlyList<string> arguments)
        : base("run", Text)
    {
        _context = context;
        _logLevel = logLevel;
        _arguments = arguments;
        Add(_file);
        Add(_seed);
        Add(_profile);
        Add(_duration);
        Add(_out);
        Add(_recordDecisions);
        Add(_expander);
        Add(_narrate);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(parseResult, cancellationToken)));
    }

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(_file) ?? RepositoryLocator.FindDefaultScenario(_context.WorkingDirectory);
        if (file is null)
        {
            _context.Error.WriteLine(
                $"ksim: no FILE given, and {RepositoryLocator.DefaultScenario} is neither under {_context.WorkingDirectory} nor in the ksim checkout");
            return ExitCodes.BadInput;
        }
        var outOption = parseResult.GetValue(_out);
        // Checked before the run as well as by the writer, so a mistyped --out costs no simulation time.
        if (outOption is not null && !ResultsLocation.IsFree(_context.FullPath(outOption)))
        {
            _context.Error.WriteLine($"ksim: {outOption} already exists and is not empty; choose another --out folder or remove it");
            return ExitCodes.BadInput;
        }

        var logLevel = parseResult.GetValue(_logLevel) ?? CommandOptions.DefaultLogLevel;
        bool narrate = parseResult.GetValue(_narrate);
        using var loggers = KsimLogging.CreateFactory(logLevel, narrate ? _context.Out : null);
        var execution = new ScenarioExecution(_context, loggers, logLevel);
        var scenario = execution.Load(file, "nothing was run");
        if (scenario is null) return ExitCodes.BadInput;

        var options = new RunOptions
        {
            Seed = parseResult.GetValue(_seed),
            Profile = parseResult.GetValue(_profile),
            Duration = parseResult.GetValue(_duration),
            RecordDecisions = parseResult.GetValue(_recordDecisions),
            Expander = parseResult.GetValue(_expander),
            Narrate = narrate,
        };
        var outputDirectory = outOption is not null
            ? _context.FullPath(outOption)
            : ResultsLocation.DefaultDirectory(
                Path.Combine(_context.WorkingDirectory, ResultsLocation.DefaultRoot),
                scenario.Name,
                _context.Clock.GetUtcNow().UtcDateTime,
                options.Seed ?? scenario.Seed);

        var (record, exitCode) = execution.RunAndWrite(scenario, file, options, _arguments, outputDirectory, cancellationToken);
        if (record is null) return exitCode;
        RunSummaryPrinter.Print(_context.Out, record, _context.Display(outputDirectory));
        return record.Result.Partial ? ExitCodes.Interrupted : ExitCodes.Ok;
    }
}
