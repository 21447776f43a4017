using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// PostFilter: finds nodes where evicting lower-priority pods would let the pod fit, picks one by
/// kube-scheduler's criteria and names the victims. Without a candidate it explains why, per
/// node, in the "preemption: 0/N nodes are available: ..." message.
/// </summary>
public sealed class DefaultPreemption : IPostFilterPlugin
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";
    public const string PolicyNever = "not eligible due to preemptionPolicy=Never.";
    public const string TerminatingOnNominated = "not eligible due to a terminating pod on the nominated node.";

    private readonly Func<PodInfo, NodeInfo, Status> _runFilters;
    private readonly Func<Pod, PodInfo> _podInfo;
    private readonly NodeStatusMap _dryRun = new();

    // Statuses are immutable: a failing pod's dry run sets one of these on every node of a large
    // cluster, so they are made once rather than per node.
    private static readonly Status NotHelpfulStatus = Status.Unresolvable(PluginNames.DefaultPreemption, NotHelpful);
    private static readonly Status NoVictimsStatus = Status.Unresolvable(PluginNames.DefaultPreemption, NoVictims);

    /// <param name="runFilters">Runs the profile's filters on a node (used on copies of nodes with victims removed).</param>
    /// <param name="podInfo">The scheduler's cached info for a bound pod.</param>
    public DefaultPreemption(Func<PodInfo, NodeInfo, Status> runFilters, Func<Pod, PodInfo> podInfo)
    {
        _runFilters = runFilters;
        _podInfo = podInfo;
    }

    public string Name => PluginNames.DefaultPreemption;

    /// <summary>The pods the last successful PostFilter chose to evict.</summary>
    public IReadOnlyList<Pod> Victims { get; private set; } = [];

    public PostFilterResult PostFilter(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, NodeStatusMap statuses)
    {
        Victims = [];
        if (pod.Pod.Spec.PreemptionPolicy == PreemptionPolicy.Never)
            return new PostFilterResult(StatusCode.Unschedulable, "", PolicyNever);
        if (VictimsStillLeaving(pod, allNodes, statuses))
            return new PostFilterResult(StatusCode.Unschedulable, pod.Pod.Status.NominatedNodeName, TerminatingOnNominated);

        _dryRun.Clear();
        (NodeInfo Node, List<Pod> Victims)? best = null;
        foreach (var (node, status) in statuses.Entries)
        {
            if (status.Code == StatusCode.UnschedulableAndUnresolvable)
            {
                _dryRun.Set(node, NotHelpfulStatus);
                continue;
            }
            var (victims, result) = SelectVictims(pod, node);
            if (victims is null)
            {
                _dryRun.Set(node, result);
                continue;
            }
            if (best is null || IsBetter(victims, best.Value.Victims)) best = (node, victims);
        }
        if (best is { } chosen)
        {
            Victims = chosen.Victims;
            return new PostFilterResult(StatusCode.Success, chosen.Node.Name, "");
        }
        return new PostFilterResult(StatusCode.Unschedulable, "", "preemption: " + FitError.Message(allNodes.Count, _dryRun, ""));
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
    /// from the most important down while it still fits. Those that cannot come back are the victims.
    /// </summary>
    private (List<Pod>? Victims, Status Status) SelectVictims(PodInfo pod, NodeInfo node)
    {
        List<Pod>? candidates = null;
        foreach (var p in node.Pods)
            if (p.Spec.Priority < pod.Pod.Spec.Priority && !p.IsTerminating) (candidates ??= []).Add(p);
        if (candidates is null) return (null, NoVictimsStatus);

        var copy = node.Clone();
        foreach (var p in candidates) copy.RemovePod(p, _podInfo(p));
        var fit = _runFilters(pod, copy);
        if (!fit.IsSuccess) return (null, fit);

        candidates.Sort(static (a, b) => b.Spec.Priority.CompareTo(a.Spec.Priority));
        var victims = new List<Pod>();
        foreach (var p in candidates)
        {
            var info = _podInfo(p);
            copy.AddPod(p, info);
            if (!_runFilters(pod, copy).IsSuccess)
            {
                copy.RemovePod(p, info);
                victims.Add(p);
            }
        }
        return (victims, Status.Success);
    }

    /// <summary>pickOneNodeForPreemption without PDBs: lowest top victim priority, lowest priority sum, fewest victims.</summary>
    private static bool IsBetter(List<Pod> a, List<Pod> b)
    {
        int topA = a.Max(p => p.Spec.Priority), topB = b.Max(p => p.Spec.Priority);
        if (topA != topB) return topA < topB;
        long sumA = a.Sum(p => (long)p.Spec.Priority + int.MaxValue + 1L);
        long sumB = b.Sum(p => (long)p.Spec.Priority + int.MaxValue + 1L);
        if (sumA != sumB) return sumA < sumB;
        return a.Count < b.Count;
    }
}
