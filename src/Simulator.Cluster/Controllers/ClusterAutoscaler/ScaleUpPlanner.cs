using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>What one scale-up pass decided.</summary>
/// <param name="Group">The node group to grow, or null.</param>
/// <param name="Option">The expander's choice: how many nodes, for which pods.</param>
/// <param name="Helped">The pending pods the new nodes are for (they get TriggeredScaleUp).</param>
/// <param name="NotTriggered">Pending pods no node group can help, each with CA's message saying why.</param>
/// <param name="OptionsLeft">Whether other groups could also have helped some pods (a later pass will look again).</param>
internal sealed record ScaleUpPlan(
    NodeGroup? Group,
    ExpansionOption? Option,
    IReadOnlyList<Pod> Helped,
    IReadOnlyList<(Pod Pod, string Message)> NotTriggered,
    bool OptionsLeft);

/// <summary>
/// CA's scale-up (<c>ScaleUp</c> in its orchestrator), in its order:
/// <list type="number">
/// <item>FilterOutSchedulable: a pending pod that fits a node the cluster has (with room the pods
/// before it in this pass took), or a node already on its way (upcoming, or with GPUs not ready
/// yet), needs no new node.</item>
/// <item>For each node group not at its max and not backing off, the binpacking estimator: the
/// remaining pods, largest first, first-fit onto new template nodes, a new one opened when none
/// fits, at most max - target size of them. Every check is the scheduler's own PreFilter and
/// Filter plugins (<see cref="PodFitChecker"/>), never a copy of the fit logic.</item>
/// <item>The expander chain picks one option; one group grows per pass, as in CA.</item>
/// </list>
/// A pod that fits no group's template gets CA's NotTriggerScaleUp message: each reason once per
/// group it applies to, as "N reason", sorted, e.g. <c>pod didn't trigger scale-up: 1 Insufficient
/// nvidia.com/gpu, 1 max node group size reached</c>.
/// </summary>
internal sealed class ScaleUpPlanner(PodFitChecker fits, SchedulerCache cache, ResourceIndex resources)
{
    public const string MaxSizeReached = "max node group size reached";
    public const string InBackoff = "in backoff after failed scale-up";

    private readonly SimulatedNodes _snapshot = new();
    private int _cursor;

    public ScaleUpPlan Plan(IReadOnlyList<Pod> pending, IReadOnlyList<NodeGroup> groups, ExpanderChain expanders, SimTime now)
    {
        var remaining = FilterOutSchedulable(pending, groups);
        if (remaining.Count == 0) return new ScaleUpPlan(null, null, [], [], false);

        var reasons = new Dictionary<Pod, SortedDictionary<string, int>>(ReferenceEqualityComparer.Instance);
        var options = new List<ExpansionOption>();
        var helpedBy = new List<(NodeGroup Group, List<Pod> Pods)>();
        foreach (var group in groups)
        {
            string? skipped = group.Backoff.IsBackedOff(now) ? InBackoff
                : group.TargetSize >= group.Max ? MaxSizeReached
                : null;
            if (skipped is not null)
            {
                // CA never simulates a skipped group, so it names the group's reason for every pod it cannot help.
                foreach (var pod in remaining) Count(reasons, pod, skipped);
                continue;
            }
            if (Estimate(group, remaining, reasons) is { } estimate)
            {
                options.Add(estimate.Option);
                helpedBy.Add((group, estimate.Pods));
            }
        }

        var helpedByAny = new HashSet<Pod>(helpedBy.SelectMany(h => h.Pods), ReferenceEqualityComparer.Instance);
        var notTriggered = new List<(Pod, string)>();
        foreach (var pod in remaining)
        {
            if (helpedByAny.Contains(pod)) continue;
            if (reasons.TryGetValue(pod, out var why)) notTriggered.Add((pod, NotTriggeredMessage(why)));
        }
        var best = expanders.BestOption(options);
        if (best is null) return new ScaleUpPlan(null, null, [], notTriggered, false);
        var chosen = helpedBy[options.IndexOf(best)];
        return new ScaleUpPlan(chosen.Group, best, chosen.Pods, notTriggered, options.Count > 1);
    }

    /// <summary>CA's NotTriggerScaleUp text for a pod's reasons, each with the number of groups it applied to.</summary>
    public static string NotTriggeredMessage(IReadOnlyDictionary<string, int> reasons)
    {
        var parts = reasons.Select(r => $"{r.Value} {r.Key}").ToList();
        parts.Sort(StringComparer.Ordinal);
        return "pod didn't trigger scale-up: " + string.Join(", ", parts);
    }

    /// <summary>The pods no existing or upcoming node can take, in <paramref name="pending"/> order.</summary>
    private List<Pod> FilterOutSchedulable(IReadOnlyList<Pod> pending, IReadOnlyList<NodeGroup> groups)
    {
        _snapshot.Clear();
        var upcoming = new List<NodeInfo>();
        // A registered node whose GPUs are not ready is replaced by its template (CA's upcoming placeholder), not counted twice.
        var notReady = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            notReady.UnionWith(group.GpusNotReady);
            foreach (var u in group.Upcoming) upcoming.Add(TemplateNode.For(group.Pool, u.Node.Name, resources));
            foreach (var name in group.GpusNotReady) upcoming.Add(TemplateNode.For(group.Pool, name, resources));
        }
        var nodes = cache.Nodes;
        var remaining = new List<Pod>();
        var failed = new SimilarPods();
        _cursor = 0;
        foreach (var pod in pending)
        {
            // CA's SimilarPodsScheduling: a pod like one that fitted nowhere in this pass fits nowhere either.
            if (failed.Contains(pod) || !fits.Begin(pod).IsSuccess)
            {
                remaining.Add(pod);
                continue;
            }
            if (PlaceOnExisting(nodes, notReady) || PlaceOnUpcoming(upcoming)) continue;
            failed.Add(pod);
            remaining.Add(pod);
        }
        _snapshot.Clear();
        return remaining;
    }

    /// <summary>CA's predicate checker: nodes round-robin from where the last pod fitted.</summary>
    private bool PlaceOnExisting(IReadOnlyList<NodeInfo> nodes, HashSet<string> skip)
    {
        int n = nodes.Count;
        for (int i = 0; i < n; i++)
        {
            int index = (_cursor + i) % n;
            if (skip.Count > 0 && skip.Contains(nodes[index].Name)) continue;
            if (!fits.Filter(_snapshot.View(nodes[index])).IsSuccess) continue;
            _snapshot.Place(nodes[index], fits.Current);
            _cursor = index;
            return true;
        }
        return false;
    }

    private bool PlaceOnUpcoming(List<NodeInfo> upcoming)
    {
        foreach (var node in upcoming)
        {
            if (!fits.Filter(node).IsSuccess) continue;
            node.AddPod(fits.Current.Pod, fits.Current);
            return true;
        }
        return false;
    }

    /// <summary>Binpacking estimator for one group: the option and the pods it places, or null if it places none.</summary>
    private (ExpansionOption Option, List<Pod> Pods)? Estimate(NodeGroup group, List<Pod> pods, Dictionary<Pod, SortedDictionary<string, int>> reasons)
    {
        int headroom = group.Max - group.TargetSize;
        var empty = TemplateNode.For(group.Pool, TemplateNode.Name(group.Name, 0), resources);
        var newNodes = new List<NodeInfo>();
        var placed = new List<Pod>();
        long cpu = 0, memory = 0;
        foreach (var pod in LargestFirst(pods, group.Pool))
        {
            if (!FitsEmpty(pod, empty, out var status))
            {
                foreach (var reason in status.Reasons) Count(reasons, pod, reason);
                continue;
            }
            NodeInfo? target = null;
            foreach (var node in newNodes)
            {
                if (!fits.Filter(node).IsSuccess) continue;
                target = node;
                break;
            }
            if (target is null && newNodes.Count < headroom)
            {
                target = TemplateNode.For(group.Pool, TemplateNode.Name(group.Name, newNodes.Count + 1), resources);
                newNodes.Add(target);
            }
            if (target is null) continue;
            target.AddPod(pod, fits.Current);
            placed.Add(pod);
            cpu += fits.Current.CpuRequest;
            memory += fits.Current.MemoryRequest;
        }
        if (placed.Count == 0) return null;
        return (ExpansionOption.For(group.Pool, newNodes.Count, placed.Count, cpu, memory), placed);
    }

    /// <summary>
    /// CA's binpacking estimator orders pods by decreasing size relative to the template node
    /// (its DecreasingPodOrderer: CPU request / node CPU + memory request / node memory), so that
    /// big pods open nodes and small ones fill the gaps; ties keep the pending order.
    /// </summary>
    private static IEnumerable<Pod> LargestFirst(List<Pod> pods, NodePool pool)
    {
        double nodeCpu = Math.Max(1, pool.Allocatable.Get(ResourceNames.Cpu));
        double nodeMemory = Math.Max(1, pool.Allocatable.Get(ResourceNames.Memory));
        return pods.OrderByDescending(pod =>
        {
            var (cpu, memory) = PodInfo.NonZeroRequests(pod);
            return cpu / nodeCpu + memory / nodeMemory;
        });
    }

    /// <summary>Begins <paramref name="pod"/> and checks it against an empty template node; the status says why not.</summary>
    private bool FitsEmpty(Pod pod, NodeInfo template, out Status status)
    {
        status = fits.Begin(pod);
        if (status.IsSuccess) status = fits.Filter(template);
        return status.IsSuccess;
    }

    private static void Count(Dictionary<Pod, SortedDictionary<string, int>> reasons, Pod pod, string reason)
    {
        if (!reasons.TryGetValue(pod, out var counts))
        {
            counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            reasons.Add(pod, counts);
        }
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
    }
}
