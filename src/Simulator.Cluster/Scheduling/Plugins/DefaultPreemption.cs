using Simulator.Cluster.Api;
using Simulator.Cluster.Disruption;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// PostFilter: finds nodes where evicting lower-priority pods would let the pod fit (trying at
/// most numCandidates of them, from a random offset), picks one by kube-scheduler's criteria and
/// names the victims, respecting PodDisruptionBudgets as far as it can. Without a candidate it explains why, per
/// node, in the "preemption: 0/N nodes are available: ..." message.
/// </summary>
public sealed class DefaultPreemption : IPostFilterPlugin
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";
    public const string PolicyNever = "not eligible due to preemptionPolicy=Never.";
    public const string TerminatingOnNominated = "not eligible due to a terminating pod on the nominated node.";

    /// <summary>minCandidateNodesPercentage and minCandidateNodesAbsolute, DefaultPreemptionArgs' defaults.</summary>
    public const int MinCandidateNodesPercentage = 10;
    public const int MinCandidateNodesAbsolute = 100;

    private readonly Func<PodInfo, NodeInfo, Status> _runFilters;
    private readonly Func<Pod, PodInfo> _podInfo;
    private readonly DisruptionBudgets? _budgets;
    private readonly Random? _offsets;
    // Only the dry run's message is read, so the nodes' verdicts are counted by reason rather
    // than stored node by node (a pod that fits nowhere gives one per node of the cluster).
    private readonly ReasonHistogram _dryRun = new();
    private readonly List<NodeInfo> _potential = [];
    private int[]? _allowedNow; // the budgets' disruptionsAllowed, taken once per attempt

    // Statuses are immutable: a failing pod's dry run sets one of these on every node of a large
    // cluster, so they are made once rather than per node.
    private static readonly Status NotHelpfulStatus = Status.Unresolvable(PluginNames.DefaultPreemption, NotHelpful);
    private static readonly Status NoVictimsStatus = Status.Unresolvable(PluginNames.DefaultPreemption, NoVictims);

    /// <param name="runFilters">Runs the profile's filters on a node (used on copies of nodes with victims removed).</param>
    /// <param name="podInfo">The scheduler's cached info for a bound pod.</param>
    /// <param name="budgets">The cluster's PodDisruptionBudgets (null: none).</param>
    /// <param name="offsets">Where the dry run starts among the candidate nodes (null: at the first).</param>
    public DefaultPreemption(Func<PodInfo, NodeInfo, Status> runFilters, Func<Pod, PodInfo> podInfo,
        DisruptionBudgets? budgets = null, Random? offsets = null)
    {
        _runFilters = runFilters;
        _podInfo = podInfo;
        _budgets = budgets;
        _offsets = offsets;
    }

    public string Name => PluginNames.DefaultPreemption;

    /// <summary>The pods the last successful PostFilter chose to evict, most important first.</summary>
    public IReadOnlyList<Pod> Victims { get; private set; } = [];

    /// <summary>How many nodes the last dry run tried (for tests of candidate sampling).</summary>
    public int NodesTried { get; private set; }

    /// <summary>One node where preemption would make room: its victims and how many of them violate a PodDisruptionBudget.</summary>
    public sealed record Candidate(NodeInfo Node, List<Pod> Victims, int PdbViolations);

    public PostFilterResult PostFilter(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, NodeStatusMap statuses)
    {
        Victims = [];
        NodesTried = 0;
        if (pod.Pod.Spec.PreemptionPolicy == PreemptionPolicy.Never)
            return new PostFilterResult(StatusCode.Unschedulable, "", PolicyNever);
        if (VictimsStillLeaving(pod, allNodes, statuses))
            return new PostFilterResult(StatusCode.Unschedulable, pod.Pod.Status.NominatedNodeName, TerminatingOnNominated);

        // nodesWherePreemptionMightHelp: a node rejected as unresolvable stays so whatever is evicted.
        _dryRun.Clear();
        _potential.Clear();
        var entries = statuses.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Status.Code == StatusCode.UnschedulableAndUnresolvable) _dryRun.Add(NotHelpfulStatus);
            else _potential.Add(entries[i].Node);
        }

        // DryRunPreemption from a random offset, stopping once numCandidates candidates are found
        // (at least one of them without PDB violations); non-violating candidates come first.
        var nonViolating = new List<Candidate>();
        var violating = new List<Candidate>();
        int n = _potential.Count;
        _allowedNow = n > 0 ? _budgets?.AllowedNow() : null;
        if (n > 0)
        {
            int offset = _offsets?.Next(n) ?? 0;
            int numCandidates = NumCandidates(n);
            for (int i = 0; i < n; i++)
            {
                var node = _potential[(offset + i) % n];
                NodesTried++;
                var (candidate, result) = SelectVictims(pod, node);
                if (candidate is null)
                {
                    _dryRun.Add(result);
                    continue;
                }
                (candidate.PdbViolations == 0 ? nonViolating : violating).Add(candidate);
                if (nonViolating.Count > 0 && nonViolating.Count + violating.Count >= numCandidates) break;
            }
        }
        nonViolating.AddRange(violating);
        if (PickOneNode(nonViolating) is { } chosen)
        {
            Victims = chosen.Victims;
            return new PostFilterResult(StatusCode.Success, chosen.Node.Name, "");
        }
        return new PostFilterResult(StatusCode.Unschedulable, "", "preemption: " + FitError.Message(allNodes.Count, _dryRun, ""));
    }

    /// <summary>
    /// calculateNumCandidates: minCandidateNodesPercentage of the nodes, at least
    /// minCandidateNodesAbsolute, at most all of them.
    /// </summary>
    public static int NumCandidates(int nodes)
    {
        int n = nodes * MinCandidateNodesPercentage / 100;
        if (n < MinCandidateNodesAbsolute) n = MinCandidateNodesAbsolute;
        return Math.Min(n, nodes);
    }

    /// <summary>
    /// PodEligibleToPreemptOthers: a pod that already preempted on its nominated node waits for
    /// those victims to leave rather than evicting more, unless that node is now out of reach.
    /// </summary>
    private static bool VictimsStillLeaving(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, NodeStatusMap statuses)
    {
        var nominated = pod.Pod.Status.NominatedNodeName;
        if (nominated.Length == 0) return false;
        if (statuses.Get(nominated) is { Code: StatusCode.UnschedulableAndUnresolvable }) return false;
        foreach (var node in allNodes)
        {
            if (node.Name != nominated) continue;
            foreach (var p in node.Pods)
                if (p.IsTerminating && p.Spec.Priority < pod.Pod.Spec.Priority) return true;
        }
        return false;
    }

    /// <summary>
    /// SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, add them back
    /// from the most important down (higher priority, then earlier start), those that would
    /// violate a PodDisruptionBudget first, while it still fits. Those that cannot come back are
    /// the victims, most important first.
    /// </summary>
    private (Candidate? Candidate, Status Status) SelectVictims(PodInfo pod, NodeInfo node)
    {
        // No pod here below the preemptor's priority: no victims, without reading the pods (a pod
        // that fits nowhere asks this of every node of the cluster).
        if (node.LowestPodPriority >= pod.Pod.Spec.Priority) return (null, NoVictimsStatus);
        List<Pod>? potential = null;
        var pods = node.Pods;
        for (int i = 0; i < pods.Count; i++) // indexed: foreach over the interface boxes an enumerator per node
        {
            var p = pods[i];
            if (p.Spec.Priority < pod.Pod.Spec.Priority) (potential ??= []).Add(p);
        }
        if (potential is null) return (null, NoVictimsStatus);

        var copy = node.Clone();
        foreach (var p in potential) copy.RemovePod(p, _podInfo(p));
        var fit = _runFilters(pod, copy);
        if (!fit.IsSuccess) return (null, fit);

        potential.Sort(MoreImportantFirst);
        var violatingPods = new List<Pod>();
        var nonViolatingPods = new List<Pod>();
        if (_budgets is null || _allowedNow is null) nonViolatingPods.AddRange(potential);
        else _budgets.SplitByViolation(potential, _allowedNow, violatingPods, nonViolatingPods);

        var victims = new List<Pod>();
        int violations = 0;
        foreach (var p in violatingPods)
            if (!Reprieve(pod, copy, p, victims)) violations++;
        foreach (var p in nonViolatingPods) Reprieve(pod, copy, p, victims);
        victims.Sort(MoreImportantFirst);
        return (new Candidate(node, victims, violations), Status.Success);
    }

    /// <summary>Adds <paramref name="p"/> back to the node; if the pod no longer fits, takes it out again as a victim.</summary>
    private bool Reprieve(PodInfo pod, NodeInfo copy, Pod p, List<Pod> victims)
    {
        var info = _podInfo(p);
        copy.AddPod(p, info);
        if (_runFilters(pod, copy).IsSuccess) return true;
        copy.RemovePod(p, info);
        victims.Add(p);
        return false;
    }

    /// <summary>MoreImportantPod: higher priority first, then the one that started earlier.</summary>
    private static int MoreImportantFirst(Pod a, Pod b)
    {
        int byPriority = b.Spec.Priority.CompareTo(a.Spec.Priority);
        return byPriority != 0 ? byPriority : StartOf(a).CompareTo(StartOf(b));
    }

    /// <summary>A pod without a start time yet counts as starting now, that is after every started pod.</summary>
    private static long StartOf(Pod p) => p.Status.StartTime?.Microseconds ?? long.MaxValue;

    /// <summary>
    /// pickOneNodeForPreemption: each criterion keeps the candidates that are best by it, in order:
    /// fewest PDB violations, lowest highest-victim priority, smallest sum of (priority + 2^31),
    /// fewest victims, latest start among each node's highest-priority victims; then the first.
    /// A node without victims would win outright (kube returns it at once).
    /// </summary>
    public static Candidate? PickOneNode(IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0) return null;
        foreach (var c in candidates)
            if (c.Victims.Count == 0) return c;
        IEnumerable<Candidate> best = candidates;
        best = KeepMin(best, c => c.PdbViolations);
        best = KeepMin(best, c => c.Victims.Max(p => (long)p.Spec.Priority));
        best = KeepMin(best, c => c.Victims.Sum(p => (long)p.Spec.Priority + int.MaxValue + 1L));
        best = KeepMin(best, c => c.Victims.Count);
        // GetEarliestPodStartTime over the highest-priority victims; the latest of those wins.
        best = KeepMin(best, c =>
        {
            int top = c.Victims.Max(p => p.Spec.Priority);
            return -c.Victims.Where(p => p.Spec.Priority == top).Min(StartOf);
        });
        return best.First();
    }

    private static List<Candidate> KeepMin(IEnumerable<Candidate> candidates, Func<Candidate, long> key)
    {
        var list = candidates.ToList();
        long min = list.Min(key);
        return list.Where(c => key(c) == min).ToList();
    }
}
