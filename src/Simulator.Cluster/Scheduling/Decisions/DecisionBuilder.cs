using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Decisions;

/// <summary>
/// Collects one attempt's verdicts and scores as the cycle produces them. Only created when a
/// recorder wants the pod, so the cycle's normal path never allocates for it.
/// </summary>
internal sealed class DecisionBuilder
{
    private readonly SchedulerProfile _profile;
    private readonly List<NodeVerdict> _nodes = [];
    private readonly List<int> _feasible = []; // indexes into _nodes, in the cycle's feasible order
    private readonly PluginScore[][] _scores;
    private readonly bool[] _skipped;

    public DecisionBuilder(SchedulerProfile profile, string pod, int attempt, SimTime now, int numNodes)
    {
        _profile = profile;
        Pod = pod;
        Attempt = attempt;
        Time = now;
        NumNodes = numNodes;
        _scores = new PluginScore[profile.Scores.Count][];
        _skipped = new bool[profile.Scores.Count];
    }

    public string Pod { get; }
    public int Attempt { get; }
    public SimTime Time { get; }
    public int NumNodes { get; }
    public string PreFilterRejection { get; set; } = "";
    public List<string> NotExamined { get; } = [];

    public void Examined(NodeInfo node, Status status)
    {
        if (status.IsSuccess) _feasible.Add(_nodes.Count);
        _nodes.Add(status.IsSuccess
            ? new NodeVerdict { Node = node.Name }
            : new NodeVerdict { Node = node.Name, FailedPlugin = status.Plugin, Reasons = [.. status.Reasons] });
    }

    public void Skipped(int scorePlugin) => _skipped[scorePlugin] = true;

    /// <summary>Raw and normalized scores of score plugin <paramref name="scorePlugin"/> over the feasible nodes.</summary>
    public void Scored(int scorePlugin, ReadOnlySpan<long> raw, ReadOnlySpan<long> normalized)
    {
        long weight = _profile.Scores[scorePlugin].Weight;
        var scores = new PluginScore[raw.Length];
        for (int i = 0; i < raw.Length; i++) scores[i] = new PluginScore(raw[i], normalized[i], weight);
        _scores[scorePlugin] = scores;
    }

    public void Totals(ReadOnlySpan<long> total)
    {
        for (int f = 0; f < _feasible.Count && f < total.Length; f++)
        {
            var perPlugin = new PluginScore[_scores.Length];
            for (int p = 0; p < _scores.Length; p++)
                perPlugin[p] = _scores[p] is { } s ? s[f] : new PluginScore(0, 0, _profile.Scores[p].Weight);
            int at = _feasible[f];
            _nodes[at] = _nodes[at] with { Scores = perPlugin, Total = total[f] };
        }
    }

    public SchedulingDecision Build(ScheduleResult result, PreemptionOutcome? preemption)
    {
        var columns = new ScoreColumn[_profile.Scores.Count];
        for (int p = 0; p < columns.Length; p++)
            columns[p] = new ScoreColumn(_profile.Scores[p].Plugin.Name, _profile.Scores[p].Weight, _skipped[p]);
        return new SchedulingDecision
        {
            Time = Time,
            Pod = Pod,
            Attempt = Attempt,
            NumNodes = NumNodes,
            ScorePlugins = columns,
            Nodes = _nodes,
            NotExamined = NotExamined,
            PreFilterRejection = PreFilterRejection,
            ChosenNode = result.Node?.Name ?? "",
            FailureMessage = result.FailureMessage,
            Preemption = preemption,
        };
    }
}
