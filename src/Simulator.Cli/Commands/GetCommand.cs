using System.CommandLine;
using Simulator.Reporting.Views;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim get pods|nodes|jobs|events RESULTS [--at T] [-o wide] [-A]</c>: a results folder as
/// <c>kubectl get</c> would have shown the cluster at a virtual time.
/// </summary>
internal sealed class GetCommand : Command
{
    private const string Text = """
        Show a finished run's cluster as 'kubectl get' would have at a virtual time.
        Reads a results folder (pods.csv, nodes.csv, jobs.csv, events.log) and prints kubectl's table for
        that time: pods (NAME READY STATUS RESTARTS AGE; -o wide adds IP NODE NOMINATED NODE READINESS
        GATES), nodes (NAME STATUS ROLES AGE VERSION), jobs (NAME STATUS COMPLETIONS DURATION AGE) or events
        (LAST SEEN TYPE REASON OBJECT MESSAGE). Pods not yet created or already removed at that time are not
        listed; STATUS is what kubectl derives from the pod's state then (Pending, ContainerCreating, Running,
        CrashLoopBackOff, Completed, Error, Terminating...).
        """;

    /// <summary>kubectl's names and short names for the four resources.</summary>
    private static readonly Dictionary<string, string> Resources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pods"] = "pods", ["pod"] = "pods", ["po"] = "pods",
        ["nodes"] = "nodes", ["node"] = "nodes", ["no"] = "nodes",
        ["jobs"] = "jobs", ["job"] = "jobs",
        ["events"] = "events", ["event"] = "events", ["ev"] = "events",
    };

    private readonly CliContext _context;
    private readonly ResultsView _view = new();
    private readonly Argument<string> _resource = new("RESOURCE")
    {
        Description = "pods, nodes, jobs or events (or kubectl's short names po, no, ev).",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Resources.TryGetValue(text, out var resource)) return resource;
            result.AddError($"RESOURCE: expected pods, nodes, jobs or events, got \"{text}\"");
            return null;
        },
    };
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "wide: more columns (pods: IP, NODE, NOMINATED NODE, READINESS GATES).",
        HelpName = "wide",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (text == "wide") return text;
            result.AddError($"--output: only \"wide\" is supported, got \"{text}\"");
            return null;
        },
    };
    private readonly Option<bool> _allNamespaces = new("--all-namespaces", "-A")
    {
        Description = "Every namespace, with a NAMESPACE column first.",
    };

    public GetCommand(CliContext context)
        : base("get", Text)
    {
        _context = context;
        Add(_resource);
        Add(_view.Directory);
        Add(_view.At);
        Add(_output);
        Add(_view.Namespace);
        Add(_allNamespaces);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult)
    {
        var snapshot = _view.Open(_context, parseResult);
        if (snapshot is null) return ExitCodes.BadInput;
        string? ns = parseResult.GetValue(_allNamespaces) ? null : parseResult.GetValue(_view.Namespace);
        bool wide = parseResult.GetValue(_output) == "wide";
        var output = _context.Out;
        bool any = parseResult.GetValue(_resource) switch
        {
            "pods" => KubectlTable.Pods(output, snapshot, ns, wide),
            "nodes" => KubectlTable.Nodes(output, snapshot),
            "jobs" => KubectlTable.Jobs(output, snapshot, ns),
            _ => KubectlTable.Events(output, snapshot, ns),
        };
        // kubectl writes this to stderr and succeeds: an empty list is an answer, not an error.
        if (!any) _context.Error.WriteLine(KubectlTable.NoResourcesMessage(parseResult.GetValue(_resource) == "nodes" ? null : ns));
        return ExitCodes.Ok;
    }
}
