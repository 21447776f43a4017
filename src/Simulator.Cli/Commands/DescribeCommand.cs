using System.CommandLine;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Views;
using Simulator.Scenarios.Validation;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim describe pod|node NAME RESULTS [--at T]</c>: one pod or node of a results folder as
/// <c>kubectl describe</c> would have shown it at a virtual time, with its events up to then.
/// </summary>
internal sealed class DescribeCommand : Command
{
    private const string Text = """
        Describe a pod or node of a finished run as 'kubectl describe' would have at a virtual time.
        A pod: its Name, Namespace, Priority, Node, Start Time, Status, IP and controller (Controlled By).
        A node: its Name, Roles, CreationTimestamp, Unschedulable, Ready condition and the pods on it.
        Then the Events up to that time (Type, Reason, Age, From, Message).
        """;

    private readonly CliContext _context;
    private readonly ResultsView _view = new();
    private readonly Argument<string> _resource = new("RESOURCE")
    {
        Description = "pod or node (or pods, po, nodes, no).",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (text is "pod" or "pods" or "po") return "pod";
            if (text is "node" or "nodes" or "no") return "node";
            result.AddError($"RESOURCE: expected pod or node, got \"{text}\"");
            return null;
        },
    };
    private readonly Argument<string> _name = new("NAME") { Description = "The pod's name (a controller's pod by its generated name) or the node's." };

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
        if (parseResult.GetValue(_resource) == "node") return DescribeNode(snapshot, name);
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

    private int DescribeNode(ResultsSnapshot snapshot, string name)
    {
        var node = snapshot.FindNode(name);
        if (node is null)
        {
            var near = Suggestions.Nearest(name, snapshot.Nodes().Select(n => n.Name), 5);
            var hint = near.Count > 0 ? "; close names: " + string.Join(", ", near) : "";
            _context.Error.WriteLine($"ksim: nodes \"{name}\" not found at {snapshot.At}{hint}");
            return ExitCodes.BadInput;
        }
        NodeDescription.Write(_context.Out, snapshot, node);
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
        // The same name in another namespace is the likeliest mistake: say which, as a -n to add.
        var elsewhere = snapshot.Pods(null).Where(p => p.Pod.Name == name && p.Pod.Namespace != ns).Select(p => p.Pod.Namespace).ToList();
        if (elsewhere.Count > 0) return $"; a pod of that name is in namespace {string.Join(", ", elsewhere)} (add -n {elsewhere[0]})";
        var near = Suggestions.Nearest(name, snapshot.Pods(ns).Select(p => p.Pod.Name), 5);
        return near.Count > 0 ? "; close names: " + string.Join(", ", near) : "";
    }
}
