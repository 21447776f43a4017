using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling;

/// <summary>The result of one scheduling cycle for one pod.</summary>
public readonly record struct ScheduleResult(NodeInfo? Node, int NodesEvaluated, int FeasibleNodes, string FailureMessage, PostFilterResult? PostFilter)
{
    public bool Succeeded => Node is not null;
}

/// <summary>
/// scheduleOne's algorithm for one pod: PreFilter, Filter over a rotating sample of nodes,
/// PostFilter if nothing fits, PreScore, Score, NormalizeScore, weighted sum, and a uniformly
/// random pick among the best. Buffers are reused between cycles, so a cycle that finds a node
/// allocates nothing per node.
/// </summary>
public sealed class SchedulingCycle
{
    private readonly SchedulerProfile _profile;
    private readonly Random _ties;
    private readonly List<NodeInfo> _feasible = [];
    private readonly NodeStatusMap _statuses = new();
    private readonly List<bool> _skipScore = [];
    private long[] _total = new long[64];
    private long[] _scratch = new long[64];
    private int _nextStartNodeIndex;
    private DecisionBuilder? _trace;

    public SchedulingCycle(SchedulerProfile profile, Random ties)
    {
        _profile = profile;
        _ties = ties;
    }

    /// <summary>Why each examined node was rejected in the last cycle.</summary>
    public NodeStatusMap LastStatuses => _statuses;

    /// <summary>Whether the last failed cycle's preemption cleared the pod's nominatedNodeName (it found no candidate).</summary>
    public bool ClearsNomination { get; private set; }

    /// <summary>Where the next cycle starts examining nodes.</summary>
    public int NextStartNodeIndex => _nextStartNodeIndex;

    /// <summary>
    /// Receives the decisions of the pods it asks for; null (the default) records nothing and
    /// costs nothing: the cycle then builds no trace at all.
    /// </summary>
    public IDecisionRecorder? Recorder { get; set; }

    /// <summary>kube-scheduler's ErrNoNodesAvailable text.</summary>
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <param name="attempt">The pod's attempt number and <paramref name="now"/> the time, for the recorder only.</param>
    public ScheduleResult Schedule(PodInfo pod, IReadOnlyList<NodeInfo> nodes, int attempt = 0, SimTime now = default)
    {
        _trace = Recorder is { } recorder && recorder.ShouldRecord(pod.Pod)
            ? new DecisionBuilder(_profile, pod.Pod.Key, attempt, now, nodes.Count)
            : null;
        var result = ScheduleCore(pod, nodes);
        if (_trace is { } trace)
        {
            Recorder!.Record(trace.Build(result, PreemptionOf(result)));
            _trace = null;
        }
        return result;
    }

    private ScheduleResult ScheduleCore(PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        _statuses.Clear();
        _feasible.Clear();
        ClearsNomination = false;
        int n = nodes.Count;
        if (n == 0) return new ScheduleResult(null, 0, 0, NoNodesAvailable, null);

        // Indexed loops: foreach over an IReadOnlyList boxes its enumerator, once per cycle.
        var preFilters = _profile.PreFilters;
        for (int f = 0; f < preFilters.Count; f++)
        {
            var p = preFilters[f];
            var s = p.PreFilter(pod);
            if (s.IsRejected)
            {
                foreach (var node in nodes) _statuses.Set(node, s);
                if (_trace is not null) _trace.PreFilterRejection = p.Name + ": " + string.Join(", ", s.Reasons);
                return Fail(pod, nodes, prefilterMessage: string.Join(", ", s.Reasons));
            }
        }

        // evaluateNominatedNode: a pod that preempted tries its nominated node first and, if it
        // fits there now, takes it without scoring, so the room its victims left is what it gets.
        // If it does not fit, every node is searched as usual (that node included).
        if (pod.Pod.Status.NominatedNodeName.Length > 0 && NodeNamed(nodes, pod.Pod.Status.NominatedNodeName) is { } nominated
            && RunFilters(pod, nominated).IsSuccess)
        {
            if (_trace is not null)
            {
                _trace.Examined(nominated, Status.Success);
                foreach (var node in nodes)
                    if (!ReferenceEquals(node, nominated)) _trace.NotExamined.Add(node.Name);
            }
            return new ScheduleResult(nominated, 1, 1, "", null);
        }

        // findNodesThatPassFilters: stop once enough feasible nodes are found, starting where the
        // previous cycle stopped, and advance the start by the number of nodes examined.
        int toFind = NodeSampling.NumFeasibleNodesToFind(_profile.PercentageOfNodesToScore, n);
        int examined = 0;
        for (int i = 0; i < n && _feasible.Count < toFind; i++)
        {
            var node = nodes[(_nextStartNodeIndex + i) % n];
            examined++;
            var status = RunFilters(pod, node);
            if (status.IsSuccess) _feasible.Add(node);
            else _statuses.Set(node, status);
            _trace?.Examined(node, status);
        }
        if (_trace is not null)
            for (int i = examined; i < n; i++) _trace.NotExamined.Add(nodes[(_nextStartNodeIndex + i) % n].Name);
        if (n > 0) _nextStartNodeIndex = (_nextStartNodeIndex + examined) % n;

        if (_feasible.Count == 0) return Fail(pod, nodes, prefilterMessage: "");
        // A single feasible node is taken without scoring, as kube-scheduler does (the trace shows it unscored).
        if (_feasible.Count == 1) return new ScheduleResult(_feasible[0], examined, 1, "", null);
        return new ScheduleResult(SelectHost(pod), examined, _feasible.Count, "", null);
    }

    private static NodeInfo? NodeNamed(IReadOnlyList<NodeInfo> nodes, string name)
    {
        for (int i = 0; i < nodes.Count; i++)
            if (nodes[i].Name == name) return nodes[i];
        return null;
    }

    /// <summary>Pods nominated by preemption; the scheduler sets it (null: none are considered).</summary>
    public Nominator? Nominator { get; set; }

    /// <summary>
    /// RunFilterPluginsWithNominatedPods: when pods of at least this pod's priority are nominated
    /// to the node, the node must fit the pod with them on it, and also without them (their
    /// presence could be what lets it fit, through affinity); otherwise the filters once.
    /// </summary>
    public Status RunFilters(PodInfo pod, NodeInfo node)
    {
        if (Nominator?.WithNominatedPods(pod, node) is { } withNominated)
        {
            var s = RunFilterPlugins(pod, withNominated);
            if (!s.IsSuccess) return s;
        }
        return RunFilterPlugins(pod, node);
    }

    /// <summary>RunFilterPlugins: the first plugin that rejects decides the node's status.</summary>
    private Status RunFilterPlugins(PodInfo pod, NodeInfo node)
    {
        var filters = _profile.Filters;
        for (int i = 0; i < filters.Count; i++)
        {
            var s = filters[i].Filter(pod, node);
            if (!s.IsSuccess) return s;
        }
        return Status.Success;
    }

    private ScheduleResult Fail(PodInfo pod, IReadOnlyList<NodeInfo> nodes, string prefilterMessage)
    {
        // RunPostFilterPlugins: the first success wins; otherwise the messages of all of them,
        // joined by ", " (preemption's, then a gang's rejection).
        PostFilterResult? post = null;
        string postMessage = "";
        foreach (var pf in _profile.PostFilters)
        {
            var r = pf.PostFilter(pod, nodes, _statuses);
            post = r;
            // Preemption that finds no candidate answers with a nominated node of "", which
            // overrides (clears) the pod's nomination; a pod not eligible to preempt (its
            // victims still leaving) keeps it. Other PostFilters leave it as it is.
            if (pf is DefaultPreemption && r.Code != StatusCode.Success && r.NominatedNodeName.Length == 0) ClearsNomination = true;
            if (r.Code == StatusCode.Success)
            {
                postMessage = r.Message;
                break;
            }
            if (r.Message.Length > 0) postMessage = postMessage.Length == 0 ? r.Message : postMessage + ", " + r.Message;
        }
        string message = prefilterMessage.Length > 0
            ? $"0/{nodes.Count} nodes are available: {prefilterMessage}." + (postMessage.Length > 0 ? " " + postMessage : "")
            : FitError.Message(nodes.Count, _statuses, postMessage);
        return new ScheduleResult(null, _statuses.Count, 0, message, post);
    }

    private NodeInfo SelectHost(PodInfo pod)
    {
        int count = _feasible.Count;
        if (_total.Length < count)
        {
            _total = new long[Math.Max(count, _total.Length * 2)];
            _scratch = new long[_total.Length];
        }
        var total = _total.AsSpan(0, count);
        total.Clear();

        _skipScore.Clear();
        var preScores = _profile.PreScores;
        for (int i = 0; i < preScores.Count; i++)
            _skipScore.Add(preScores[i].PreScore(pod, _feasible).Code == StatusCode.Skip);

        var scratch = _scratch.AsSpan(0, count);
        var scores = _profile.Scores;
        for (int p = 0; p < scores.Count; p++)
        {
            var (plugin, weight) = scores[p];
            if (IsSkipped(plugin))
            {
                _trace?.Skipped(p);
                continue;
            }
            for (int i = 0; i < count; i++) scratch[i] = plugin.Score(pod, _feasible[i]);
            long[]? raw = _trace is null ? null : scratch.ToArray();
            if (plugin is IScoreExtensions ext) ext.NormalizeScore(pod, scratch);
            if (raw is not null) _trace!.Scored(p, raw, scratch);
            for (int i = 0; i < count; i++) total[i] += scratch[i] * weight;
        }
        _trace?.Totals(total);

        // selectHost: uniform among the highest scores, by reservoir sampling (the k-th tie
        // replaces the pick with probability 1/k), drawing from the scheduler's own stream.
        int best = 0;
        int ties = 1;
        for (int i = 1; i < count; i++)
        {
            if (total[i] > total[best])
            {
                best = i;
                ties = 1;
            }
            else if (total[i] == total[best])
            {
                ties++;
                if (_ties.Next(ties) == 0) best = i;
            }
        }
        return _feasible[best];
    }

    /// <summary>What DefaultPreemption decided in this cycle's PostFilter, for the trace.</summary>
    private PreemptionOutcome? PreemptionOf(ScheduleResult result)
    {
        if (result.PostFilter is not { } post) return null;
        var victims = new List<string>();
        if (post.Code == StatusCode.Success)
            foreach (var pf in _profile.PostFilters)
                if (pf is DefaultPreemption preemption)
                    foreach (var v in preemption.Victims) victims.Add(v.Key);
        return new PreemptionOutcome(post.NominatedNodeName, victims, post.Message);
    }

    private bool IsSkipped(IScorePlugin plugin)
    {
        var preScores = _profile.PreScores;
        for (int i = 0; i < preScores.Count; i++)
            if (ReferenceEquals(preScores[i], plugin)) return _skipScore[i];
        return false;
    }

    /// <summary>The weighted total score of each feasible node in the last successful cycle (for explanations and tests).</summary>
    public IReadOnlyList<(NodeInfo Node, long Score)> LastScores()
    {
        var list = new List<(NodeInfo, long)>();
        for (int i = 0; i < _feasible.Count; i++) list.Add((_feasible[i], _total[i]));
        return list;
    }
}
