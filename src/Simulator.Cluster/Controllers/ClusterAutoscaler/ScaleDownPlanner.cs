using Simulator.Cluster.Api;
using Simulator.Cluster.Disruption;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's scale-down planner: which nodes are unneeded, and since when. A node of an autoscaled
/// pool is unneeded when
/// <list type="bullet">
/// <item>its utilization is below the threshold: for a GPU node, GPU requests over allocatable
/// GPUs (scale-down-gpu-utilization-threshold); otherwise max(CPU, memory) requests over
/// allocatable (scale-down-utilization-threshold); both 0.5 by default;</item>
/// <item>every pod on it may be evicted (<see cref="DrainRules"/>, and PodDisruptionBudgets with
/// the disruptions the pass has already spent on other nodes) and has somewhere to go: another
/// node, not itself unneeded in this pass, whose scheduler filters accept it with the pods the
/// simulation has already moved there.</item>
/// </list>
/// A node stays unneeded from the first pass that finds it so until a pass does not; it may be
/// removed once that has lasted scale-down-unneeded-time (scale-down-unready-time for a NotReady
/// node). Nodes on their way (GPUs not ready), nodes being removed and nodes annotated
/// <c>cluster-autoscaler.kubernetes.io/scale-down-disabled: "true"</c> are not considered.
/// </summary>
internal sealed class ScaleDownPlanner(PodFitChecker fits, SchedulerCache cache, ResourceIndex resources, DisruptionBudgets budgets,
    ClusterAutoscalerSettings settings)
{
    /// <summary>A node annotated with it "true" is never removed by scale-down (CA's per-node opt-out).</summary>
    public const string ScaleDownDisabledAnnotation = "cluster-autoscaler.kubernetes.io/scale-down-disabled";

    private readonly SimulatedNodes _snapshot = new();
    private readonly Dictionary<string, SimTime> _unneededSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Pod>> _podsToMove = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _utilization = new(StringComparer.Ordinal);
    private readonly HashSet<NodeInfo> _removedInPass = new(ReferenceEqualityComparer.Instance);
    private readonly List<int> _spent = [];
    private int _cursor;
    private IReadOnlyCollection<string> _notReadyGpus = [];

    /// <summary>Unneeded nodes in the order they were found, with the time each was first found unneeded.</summary>
    public IReadOnlyDictionary<string, SimTime> UnneededSince => _unneededSince;

    /// <summary>The pods a drain of <paramref name="node"/> would evict (empty for an empty node).</summary>
    public IReadOnlyList<Pod> PodsToMove(string node) => _podsToMove.TryGetValue(node, out var pods) ? pods : [];

    /// <summary>The utilization the last pass measured on an unneeded node.</summary>
    public double UtilizationOf(string node) => _utilization.GetValueOrDefault(node);

    public void Forget(string node)
    {
        _unneededSince.Remove(node);
        _podsToMove.Remove(node);
        _utilization.Remove(node);
    }

    /// <summary>Re-evaluates every node of an autoscaled pool.</summary>
    public void Update(Func<string, NodeGroup?> groupOf, IReadOnlyCollection<string> gpusNotReady, SimTime now)
    {
        // CA takes nodes still on their way out of the snapshot: no pod is moved onto them.
        _notReadyGpus = gpusNotReady;
        _snapshot.Clear();
        _removedInPass.Clear();
        // Budgets cost a pass over every pod each; only a drain simulation that reaches a pod needs them.
        int[]? allowed = null;
        _cursor = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, utilization) in CandidatesInOrder(groupOf, now))
        {
            // A node this pass has moved pods to is where they are going: it cannot go too.
            if (_snapshot.IsDestination(node)) continue;
            if (!TryMovePods(node, ref allowed, now, out var toMove)) continue;
            found.Add(node.Name);
            _utilization[node.Name] = utilization;
            _removedInPass.Add(node);
            _unneededSince.TryAdd(node.Name, now);
            _podsToMove[node.Name] = toMove;
        }
        if (_unneededSince.Count > found.Count)
            foreach (var name in _unneededSince.Keys.Where(n => !found.Contains(n)).ToList()) Forget(name);
        _snapshot.Clear();
    }

    /// <summary>
    /// The nodes of autoscaled pools under the utilization threshold, not on their way, not being
    /// removed and not opted out, in CA's order (its ScaleDownCandidatesSortingProcessor): empty
    /// nodes first (removing them moves nothing, and a drain must not fill a node that is about to
    /// go), then the nodes already unneeded (so their timers keep running), then the rest, each in
    /// the scheduler's node order. Busy nodes are dropped before any sorting.
    /// </summary>
    private List<(NodeInfo Node, double Utilization)> CandidatesInOrder(Func<string, NodeGroup?> groupOf, SimTime now)
    {
        var nodes = cache.Nodes;
        var candidates = new List<(NodeInfo Node, double Utilization, int Rank)>();
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var group = groupOf(node.Name);
            if (group is null || group.BeingRemoved.Contains(node.Name) || group.GpusNotReady.Contains(node.Name)) continue;
            if (node.Node.Metadata.Annotations.GetValueOrDefault(ScaleDownDisabledAnnotation) == "true") continue;
            double utilization = Utilization(node, group.HasGpus, now);
            if (utilization >= (group.HasGpus ? settings.ScaleDownGpuUtilizationThreshold : settings.ScaleDownUtilizationThreshold)) continue;
            int rank = IsEmpty(node, now) ? 0 : _unneededSince.ContainsKey(node.Name) ? 1 : 2;
            candidates.Add((node, utilization, rank));
        }
        // A stable sort by rank keeps the scheduler's node order within each rank.
        return [.. candidates.OrderBy(c => c.Rank).Select(c => (c.Node, c.Utilization))];
    }

    /// <summary>
    /// CA leaves pods below expendable-pods-priority-cutoff out of scale-down altogether: they
    /// neither keep a node busy nor need a place to go; they end with their node.
    /// </summary>
    private bool IsExpendable(Pod pod) => pod.Spec.Priority < settings.ExpendablePodsPriorityCutoff;

    private bool IsEmpty(NodeInfo node, SimTime now)
    {
        var pods = node.Pods;
        for (int i = 0; i < pods.Count; i++)
            if (!IsExpendable(pods[i]) && DrainRules.Classify(pods[i], coveredByBudget: false, now).Verdict != PodDrainVerdict.Ignore) return false;
        return true;
    }

    /// <summary>
    /// CA's utilization of a node: a GPU node's GPU requests over its allocatable GPUs; any other
    /// node's larger share of CPU or memory requests over allocatable.
    /// </summary>
    public double Utilization(NodeInfo node, bool byGpu, SimTime now)
    {
        if (byGpu)
            return resources.TryGet(ResourceNames.NvidiaGpu, out var gpu) ? Share(node, gpu, now) : 0;
        return Math.Max(Share(node, ResourceIndex.Cpu, now), Share(node, ResourceIndex.Memory, now));
    }

    /// <summary>Requests over allocatable, leaving out pods terminating for longer than they should (CA's IsPodLongTerminating: a dead node's pods).</summary>
    private double Share(NodeInfo node, int resource, SimTime now)
    {
        long allocatable = node.Allocatable(resource);
        if (allocatable <= 0) return 0;
        long requested = node.Requested(resource);
        // Indexed: a foreach over the IReadOnlyList would box its enumerator once per node per scan.
        var pods = node.Pods;
        for (int i = 0; i < pods.Count; i++)
            if (DrainRules.IsLongTerminating(pods[i], now) || IsExpendable(pods[i])) requested -= new PodInfo(pods[i], resources).RequestOf(resource);
        return (double)Math.Max(0, requested) / allocatable;
    }

    /// <summary>The drain simulation; on failure every placement and budget it took is given back.</summary>
    private bool TryMovePods(NodeInfo node, ref int[]? allowedOrNull, SimTime now, out List<Pod> toMove)
    {
        toMove = [];
        int mark = _snapshot.Mark();
        _spent.Clear();
        foreach (var pod in node.Pods)
        {
            if (IsExpendable(pod)) continue;
            var (verdict, _) = DrainRules.Classify(pod, CoveredByBudget(pod), now);
            if (verdict == PodDrainVerdict.Ignore) continue;
            var allowed = allowedOrNull ??= budgets.AllowedNow();
            if (verdict == PodDrainVerdict.Blocked || !SpendBudgets(pod, allowed) || !PlaceElsewhere(pod, node))
            {
                _snapshot.RevertTo(mark);
                foreach (var b in _spent) allowedOrNull![b]++;
                return false;
            }
            toMove.Add(pod);
        }
        return true;
    }

    private bool CoveredByBudget(Pod pod)
    {
        foreach (var pdb in budgets.Items)
            if (pdb.Covers(pod)) return true;
        return false;
    }

    /// <summary>Takes one disruption from every budget covering a healthy pod; false (NotEnoughPdb) if one has none left.</summary>
    private bool SpendBudgets(Pod pod, int[] allowed)
    {
        if (!DisruptionBudgets.IsHealthy(pod)) return true;
        var items = budgets.Items;
        for (int b = 0; b < items.Count; b++)
        {
            if (!items[b].Covers(pod)) continue;
            if (allowed[b] <= 0) return false;
            allowed[b]--;
            _spent.Add(b);
        }
        return true;
    }

    private bool PlaceElsewhere(Pod pod, NodeInfo from)
    {
        if (!fits.Begin(pod, moving: true).IsSuccess) return false;
        // CA's predicate checker walks the nodes round-robin from where the last pod fitted, so
        // moved pods do not all re-walk the nodes earlier ones filled.
        var nodes = cache.Nodes;
        int n = nodes.Count;
        for (int i = 0; i < n; i++)
        {
            int index = (_cursor + i) % n;
            var to = nodes[index];
            if (ReferenceEquals(to, from) || _removedInPass.Contains(to) || _notReadyGpus.Contains(to.Name)) continue;
            if (!fits.Filter(_snapshot.View(to)).IsSuccess) continue;
            _snapshot.Place(to, fits.Current);
            _cursor = index;
            return true;
        }
        return false;
    }
}
