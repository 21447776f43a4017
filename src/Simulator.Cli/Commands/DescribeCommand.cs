using System.CommandLine;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Views;
using Simulator.Scenarios.Validation;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim describe pod NAME RESULTS [--at T]</c>: one pod of a results folder as
/// <c>kubectl describe pod</c> would have shown it at a virtual time, with its events up to then.
/// </summary>
internal sealed class DescribeCommand : Command
{
    private const string Text = """
        Describe a pod of a finished run as 'kubectl describe pod' would have at a virtual time.
        Prints its Name, Namespace, Priority, Node, Start Time, Status, IP and controller (Controlled By),
        then its Events up to that time (Type, Reason, Age, From, Message).
        """;

    private readonly CliContext _context;
    private readonly ResultsView _view = new();
    private readonly Argument<string> _resource = new("RESOURCE")
    {
        Description = "pod (or pods, po).",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (text is "pod" or "pods" or "po") return "pod";
            result.AddError($"RESOURCE: expected pod, got \"{text}\"");
            return null;
        },
    };
    private readonly Argument<string> _name = new("NAME") { Description = "The pod's name (a controller's pod by its generated name)." };

    public DescribeCommand(CliContext context)
        : base("describe", Text)
    {
        _context = context;
        Add(_resource);
        Add(_name);
        Add(_view.Directory);
        Add(_view.At);
        Add(_view.Namespace);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult)
    {
        var snapshot = _view.Open(_context, parseResult);
        if (snapshot is null) return ExitCodes.BadInput;
        var name = parseResult.GetRequiredValue(_name);
        var ns = parseResult.GetRequiredValue(_view.Namespace);
        var pod = snapshot.FindPod(ns, name, out var existed);
        if (pod is null)
        {
            _context.Error.WriteLine($"ksim: pods \"{name}\" not found in namespace {ns} at {snapshot.At}{Hint(snapshot, ns, name, existed)}");
            return ExitCodes.BadInput;
        }
        PodDescription.Write(_context.Out, snapshot, pod);
        return ExitCodes.Ok;
    }

    /// <summary>When a pod of that name did exist, or the closest names that exist at that time.</summary>
    private static string Hint(ResultsSnapshot snapshot, string ns, string name, IReadOnlyList<PodRecord> existed)
    {
        if (existed.Count > 0)
        {
            var lives = existed.Select(p => $"from {p.Created} until {(p.Deleted is { } d ? d.ToString() : "the end of the run")}");
            return $"; it existed {string.Join(", and ", lives)}";
        }
        var near = Suggestions.Nearest(name, snapshot.Pods(ns).Select(p => p.Pod.Name), 5);
        return near.Count > 0 ? "; close names: " + string.Join(", ", near) : "";
    }
}
