using Simulator.Cluster.Faults;
using Simulator.Engine;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>spec.timeline</c> of a Scenario: scripted actions at given times, such as
/// <c>{at: 1h, action: FailNode, node: cpu-2}</c> or <c>{at: 3h, action: AddNodes, pool: gpu, count: 2}</c>.
/// Returned in time order; actions at the same time keep their file order.
/// </summary>
internal static class TimelineReader
{
    /// <summary>What the roster checks and changes for an action: the error message, or null once applied.</summary>
    private delegate string? RosterEffect(NodeRoster roster, string target, int count, string at, string by);

    private sealed record ActionKind(string Name, bool OnPool, int MinCount, Func<SimTime, string, int, TimelineAction> Build, RosterEffect Apply);

    private static readonly RosterEffect NodeMustExist = (r, node, _, at, _) => r.NodeProblem(node, at);

    private static readonly ActionKind[] Kinds =
    [
        new("FailNode", false, 0, (at, node, _) => new FailNode(at, node), NodeMustExist),
        new("RecoverNode", false, 0, (at, node, _) => new RecoverNode(at, node), NodeMustExist),
        new("CordonNode", false, 0, (at, node, _) => new CordonNode(at, node), NodeMustExist),
        new("UncordonNode", false, 0, (at, node, _) => new UncordonNode(at, node), NodeMustExist),
        new("DrainNode", false, 0, (at, node, _) => new DrainNode(at, node), NodeMustExist),
        new("RemoveNode", false, 0, (at, node, _) => new RemoveNode(at, node),
            (r, node, _, at, by) => r.NodeProblem(node, at) ?? r.Remove(node, by)),
        new("AddNodes", true, 1, (at, pool, count) => new AddNodes(at, pool, count),
            (r, pool, count, _, by) => r.PoolProblem(pool) ?? r.Add(pool, count, by)),
        new("ScaleNodePool", true, 0, (at, pool, count) => new ScaleNodePool(at, pool, count),
            (r, pool, count, _, by) => r.PoolProblem(pool) ?? r.Scale(pool, count, by)),
    ];

    private static readonly string[] NodeFields = ["at", "action", "node"];
    private static readonly string[] PoolFields = ["at", "action", "pool", "count"];
    private static readonly string[] AllFields = ["at", "action", "node", "pool", "count"];

    private static string KnownNames => string.Join(", ", Kinds.Select(k => k.Name));

    /// <summary>One written action, checked on its own and waiting for the in-order check against the nodes.</summary>
    private sealed record Step(SourceField Item, ActionKind Kind, SimTime At, string AtText, string Target, SourceField TargetField, int Count);

    public static IReadOnlyList<TimelineAction> Read(SourceField timeline, LoadContext context)
    {
        var errors = context.Errors;
        var steps = new List<Step>();
        foreach (var item in FieldValues.List(timeline, errors))
            if (ReadStep(item, errors) is { } step) steps.Add(step);

        // OrderBy is stable: actions at the same instant run in the order they are written.
        var ordered = steps.OrderBy(s => s.At).ToList();
        var roster = new NodeRoster(context.Nodes, context.Pools);
        var problems = new List<(Step Step, string Message)>();
        var actions = new List<TimelineAction>();
        foreach (var step in ordered)
        {
            string by = $"at {step.AtText} by {step.Item.Path}";
            string? problem = step.Kind.Apply(roster, step.Target, step.Count, step.AtText, by);
            if (problem is null) actions.Add(step.Kind.Build(step.At, step.Target, step.Count));
            else problems.Add((step, problem));
        }
        // Only at the end is it known whether a node named too early is created by a later action.
        foreach (var (step, message) in problems)
        {
            bool early = !step.Kind.OnPool && roster.WasNeverRemoved(step.Target) && roster.AddedLater(step.Target) is not null;
            errors.At(step.TargetField, early ? $"nodes \"{step.Target}\" not found at {step.AtText}: {roster.AddedLater(step.Target)}" : message);
        }
        return actions;
    }

    private static Step? ReadStep(SourceField item, ScenarioErrors errors)
    {
        int before = errors.Count;
        if (item.Node is not SourceMapping)
        {
            errors.At(item, $"expected a map such as {{at: 1h, action: FailNode, node: node-1}}, got {item.Node?.Describe() ?? "null"}");
            return null;
        }
        var actionField = item.Child("action");
        var name = FieldValues.String(actionField, errors);
        var kind = Kinds.FirstOrDefault(k => k.Name == name);
        if (kind is null)
        {
            errors.At(actionField, string.IsNullOrEmpty(name)
                ? $"Required value: one of {KnownNames}"
                : $"unknown action \"{name}\"{Suggestions.Hint(name, Kinds.Select(k => k.Name))} (known: {KnownNames})");
            FieldValues.CheckFields(item, errors, AllFields);
            return null;
        }
        FieldValues.CheckFields(item, errors, kind.OnPool ? PoolFields : NodeFields);

        var atField = item.Child("at");
        if (atField.IsMissing) errors.At(atField, "Required value: when the action happens, e.g. 1h30m");
        var at = FieldValues.Duration(atField, errors, positive: false);

        var targetField = item.Child(kind.OnPool ? "pool" : "node");
        var target = FieldValues.String(targetField, errors);
        if (string.IsNullOrEmpty(target)) errors.At(targetField, "Required value");

        long count = 0;
        if (kind.OnPool)
        {
            var countField = item.Child("count");
            if (countField.IsMissing) errors.At(countField, "Required value");
            count = FieldValues.Integer(countField, errors, kind.MinCount, InputLimits.MaxNodes) ?? 0;
        }
        if (errors.Count > before || at is not { } offset || string.IsNullOrEmpty(target)) return null;
        return new Step(item, kind, SimTime.Zero + offset, atField.Scalar!.Value, target, targetField, (int)count);
    }
}
