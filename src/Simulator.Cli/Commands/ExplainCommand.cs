using System.CommandLine;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Engine;
using Simulator.Reporting.Decisions;
using Simulator.Scenarios;
using Simulator.Scenarios.Validation;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim explain FILE --pod NAME</c>: runs the scenario without writing results, recording only
/// that pod's scheduling attempts, and prints each as a table of filter verdicts and scores.
/// </summary>
internal sealed class ExplainCommand : Command
{
    private const string Text = """
        Explain why a pod was (or was not) scheduled where it was.
        Runs the scenario (nothing is written), recording only the pod's scheduling attempts, and prints
        each: a row per node with the filter verdict, every score plugin's raw/normalized x weight and the
        total, * on the chosen node; then the FailedScheduling message and what preemption did.
        """;

    private readonly CliContext _context;
    private readonly Option<LogLevel?> _logLevel;
    private readonly Argument<string> _file = new("FILE") { Description = "The scenario: a YAML file or a folder of YAML files." };
    private readonly Option<string> _pod = new("--pod")
    {
        Description = "The pod: its name, or namespace/name (a controller's pod by its generated name).",
        HelpName = "NAME",
        Required = true,
    };
    private readonly Option<SimDuration?> _at =
        CommandOptions.VirtualTime("--at", "T", "Only the last attempt at or before this virtual time (Go syntax: 90s, 5m, 1h30m).");
    private readonly Option<bool> _allNodes = new("--all-nodes")
    {
        Description = $"List every node one by one (by default, beyond {DecisionTable.MaxRows} rows rejected nodes are counted by reason).",
    };
    private readonly Option<ulong?> _seed = CommandOptions.Seed();
    private readonly Option<string?> _profile = CommandOptions.Profile();
    private readonly Option<SimDuration?> _duration = CommandOptions.Duration();

    public ExplainCommand(CliContext context, Option<LogLevel?> logLevel)
        : base("explain", Text)
    {
        _context = context;
        _logLevel = logLevel;
        Add(_file);
        Add(_pod);
        Add(_at);
        Add(_allNodes);
        Add(_seed);
        Add(_profile);
        Add(_duration);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(parseResult, cancellationToken)));
    }

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(_file)!;
        var pod = parseResult.GetValue(_pod)!;
        var logLevel = parseResult.GetValue(_logLevel) ?? CommandOptions.DefaultLogLevel;
        using var loggers = KsimLogging.CreateFactory(logLevel);
        var execution = new ScenarioExecution(_context, loggers, logLevel);
        var scenario = execution.Load(file, "nothing was run");
        if (scenario is null) return ExitCodes.BadInput;

        var options = new RunOptions
        {
            Seed = parseResult.GetValue(_seed),
            Profile = parseResult.GetValue(_profile),
            Duration = parseResult.GetValue(_duration),
            RecordDecisionsOf = pod,
        };
        if (execution.ProfileConflicts(scenario, "--profile", options.Profile)) return ExitCodes.BadInput;
        RunResult result;
        try
        {
            result = _context.RunScenario(scenario, options, null, cancellationToken, loggers);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _context.Error.WriteLine("ksim: interrupted; nothing to explain");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            return InternalError.Report(_context, e, withStackTrace: logLevel <= LogLevel.Debug);
        }

        var decisions = result.Decisions ?? [];
        var matching = result.Pods.Where(p => pod.Contains('/') ? $"{p.Namespace}/{p.Name}" == pod : p.Name == pod).ToList();
        if (matching.Count == 0)
        {
            var names = result.Pods.SelectMany(p => new[] { p.Name, $"{p.Namespace}/{p.Name}" });
            var near = Suggestions.Nearest(pod, names.Where(n => pod.Contains('/') == n.Contains('/')), 5);
            var hint = near.Count > 0 ? "; close names: " + string.Join(", ", near) : "";
            _context.Error.WriteLine($"ksim: no pod \"{pod}\" existed in scenario {scenario.Name} during the run{hint}");
            return ExitCodes.BadInput;
        }
        var keys = matching.Select(p => $"{p.Namespace}/{p.Name}").Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > 1)
        {
            _context.Error.WriteLine($"ksim: pod \"{pod}\" is in several namespaces ({string.Join(", ", keys)}); name it as namespace/name");
            return ExitCodes.BadInput;
        }
        if (decisions.Count == 0)
        {
            _context.Out.WriteLine($"{keys[0]} never went through a scheduling cycle (spec.nodeName set, another scheduler, or deleted first)");
            return ExitCodes.Ok;
        }

        IEnumerable<SchedulingDecision> shown = decisions;
        if (parseResult.GetValue(_at) is { } at)
        {
            var last = decisions.LastOrDefault(d => d.Time <= SimTime.Zero + at);
            if (last is null)
            {
                _context.Error.WriteLine($"ksim: {keys[0]} had no scheduling attempt at or before {at}; its first was at {decisions[0].Time}");
                return ExitCodes.BadInput;
            }
            shown = [last];
        }
        bool allNodes = parseResult.GetValue(_allNodes);
        bool first = true;
        foreach (var decision in shown)
        {
            if (!first) _context.Out.WriteLine();
            first = false;
            DecisionTable.Write(_context.Out, decision, allNodes);
        }
        return result.Partial ? ExitCodes.Interrupted : ExitCodes.Ok;
    }
}
