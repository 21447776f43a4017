using System.CommandLine;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;

namespace Simulator.Cli.Commands;

/// <summary><c>ksim validate FILE</c>: load and check a scenario without running it.</summary>
internal sealed class ValidateCommand : Command
{
    private const string Text = """
        Check a scenario without running it: every error is listed as file:line:col: field: message.
        Exit code 0 when the scenario is valid, 2 when it has errors.
        """;

    private readonly CliContext _context;
    private readonly Option<LogLevel?> _logLevel;
    private readonly Argument<string> _file = new("FILE")
    {
        Description = "The scenario: one multi-document YAML file.",
    };

    public ValidateCommand(CliContext context, Option<LogLevel?> logLevel)
        : base("validate", Text)
    {
        _context = context;
        _logLevel = logLevel;
        Add(_file);
        SetAction(parseResult => Execute(parseResult));
    }

    private int Execute(ParseResult parseResult)
    {
        var file = parseResult.GetRequiredValue(_file);
        var logLevel = parseResult.GetValue(_logLevel) ?? CommandOptions.DefaultLogLevel;
        using var loggers = KsimLogging.CreateFactory(logLevel);
        var scenario = new ScenarioExecution(_context, loggers, logLevel).Load(file, consequence: null);
        if (scenario is null) return ExitCodes.BadInput;
        _context.Out.WriteLine($"{file}: ok ({scenario.Nodes.Count} nodes, {scenario.Pods.Count} pods)");
        return ExitCodes.Ok;
    }
}
