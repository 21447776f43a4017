using System.CommandLine;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;
using Simulator.Scenarios;

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
        Description = "The scenario: a YAML file or a folder of YAML files.",
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
        _context.Out.WriteLine($"{file}: ok ({Describe(scenario)})");
        return ExitCodes.Ok;
    }

    /// <summary>"4 nodes, 0 pods, 1 Deployment, 2 Jobs, 2 timeline actions, 1 fault model": what the scenario holds.</summary>
    internal static string Describe(ScenarioDefinition scenario)
    {
        var parts = new List<string> { $"{scenario.Nodes.Count} nodes", $"{scenario.Pods.Count} pods" };
        foreach (var group in scenario.Workloads.GroupBy(w => w.Object.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            parts.Add($"{group.Count()} {group.Key}{(group.Count() == 1 ? "" : "s")}");
        if (scenario.Timeline.Count > 0) parts.Add($"{scenario.Timeline.Count} timeline action{(scenario.Timeline.Count == 1 ? "" : "s")}");
        if (scenario.FaultModels.Count > 0) parts.Add($"{scenario.FaultModels.Count} fault model{(scenario.FaultModels.Count == 1 ? "" : "s")}");
        return string.Join(", ", parts);
    }
}
