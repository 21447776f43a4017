using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Decisions;

/// <summary>
/// What one scheduling attempt of one pod saw and decided: the verdict on every node it examined
/// (in the order it examined them), the scores of the feasible ones, the node it chose, or the
/// FailedScheduling message and what preemption did. Nodes the attempt never looked at because
/// percentageOfNodesToScore stopped the search are listed in <see cref="NotExamined"/>.
/// </summary>
public sealed record SchedulingDecision
{
    public required SimTime Time { get; init; }

    /// <summary>The pod's namespace/name.</summary>
    public required string Pod { get; init; }

    /// <summary>1 for the pod's first scheduling cycle, counting every cycle (kube-scheduler's QueuedPodInfo.Attempts).</summary>
    public required int Attempt { get; init; }

    /// <summary>How many nodes the cluster had (the N of "0/N nodes are available").</summary>
    public required int NumNodes { get; init; }

    /// <summary>The score plugins of the profile in the order they run, with their weights.</summary>
    public required IReadOnlyList<ScoreColumn> ScorePlugins { get; init; }

    /// <summary>Examined nodes in examination order.</summary>
    public required IReadOnlyList<NodeVerdict> Nodes { get; init; }

    /// <summary>Nodes left out because enough feasible nodes were found first (percentageOfNodesToScore), in node order.</summary>
    public required IReadOnlyList<string> NotExamined { get; init; }

    /// <summary>A PreFilter plugin that rejected the pod before any node was looked at ("" when none did).</summary>
    public string PreFilterRejection { get; init; } = "";

    /// <summary>The node chosen ("" when the attempt failed).</summary>
    public string ChosenNode { get; init; } = "";

    /// <summary>The FailedScheduling message ("" when a node was chosen).</summary>
    public string FailureMessage { get; init; } = "";

    /// <summary>What PostFilter (preemption) did, when it ran.</summary>
    public PreemptionOutcome? Preemption { get; init; }
}

/// <summary>A score plugin as a column: its name and weight, and whether PreScore skipped it for this pod.</summary>
public readonly record struct ScoreColumn(string Plugin, long Weight, bool Skipped);

/// <summary>
/// One examined node: passed, or the first Filter plugin that rejected it and its reasons; for a
/// feasible node each score plugin's raw and normalized score (in <see cref="SchedulingDecision.ScorePlugins"/>
/// order, skipped plugins included as zeros) and the weighted total.
/// </summary>
public sealed record NodeVerdict
{
    public required string Node { get; init; }
    public bool Passed => FailedPlugin.Length == 0;
    public string FailedPlugin { get; init; } = "";
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<PluginScore> Scores { get; init; } = [];

    /// <summary>Sum over plugins of normalized x weight; 0 when not scored.</summary>
    public long Total { get; init; }

    /// <summary>"Plugin: reason, reason" for a rejected node, "passed" otherwise.</summary>
    public string FilterText => Passed ? "passed" : FailedPlugin + ": " + string.Join(", ", Reasons);
}

/// <summary>One score plugin on one node: Score's value, NormalizeScore's value, and the weight it is multiplied by.</summary>
public readonly record struct PluginScore(long Raw, long Normalized, long Weight)
{
    public long Weighted => Normalized * Weight;
}

/// <summary>PostFilter's result: the nominated node and the victims (namespace/name) when preemption found room, its message otherwise.</summary>
public sealed record PreemptionOutcome(string NominatedNode, IReadOnlyList<string> Victims, string Message);
