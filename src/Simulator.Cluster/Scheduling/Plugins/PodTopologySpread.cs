using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// kube-scheduler's PodTopologySpread. Filter (DoNotSchedule constraints): placing the pod in a
/// node's domain must keep <c>matching pods there + self-match − global minimum ≤ maxSkew</c>, the
/// minimum taken over the eligible domains (0 while there are fewer than minDomains of them); a
/// node without the topology key is rejected outright. Score (ScheduleAnyway constraints, or the
/// defaults for a pod without constraints): fewer matching pods in the node's domains is better
/// (<see cref="PreScore"/>). Counts are taken once per cycle over all nodes, so Filter and Score
/// are O(constraints) per node (O(pods on the node) for hostname scoring, as in kube).
/// </summary>
public sealed partial class PodTopologySpread : IPreFilterPlugin, IFilterPlugin, IEnqueueExtensions
{
    public const string PluginName = PluginNames.PodTopologySpread;

    /// <summary>ErrReasonConstraintsNotMatch.</summary>
    public const string Reason = "node(s) didn't match pod topology spread constraints";

    /// <summary>ErrReasonNodeLabelNotMatch.</summary>
    public const string MissingLabelReason = Reason + " (missing required label)";

    private readonly PodTopologySpreadArgs _args;
    private readonly ClusterStore? _store;
    private readonly IReadOnlyList<NodeInfo> _nodes;

    // PreFilter state for the pod being scheduled, indexed like _hard.
    private readonly List<SpreadConstraint> _hard = [];
    private readonly List<Dictionary<string, int>> _matchNum = [];
    private int[] _minMatch = new int[2];

    /// <param name="nodes">Every node in the cache (the snapshot's NodeInfos().List()); domains are counted over all of them.</param>
    public PodTopologySpread(PodTopologySpreadArgs? args, ClusterStore? store, IReadOnlyList<NodeInfo> nodes)
    {
        _args = args ?? PodTopologySpreadArgs.Default;
        _store = store;
        _nodes = nodes;
    }

    public string Name => PluginName;

    public ClusterEventKind EventsToRegister =>
        ClusterEventKind.NodeAdd | ClusterEventKind.NodeLabelChange | ClusterEventKind.NodeTaintChange
        | ClusterEventKind.AssignedPodAdd | ClusterEventKind.AssignedPodDelete;

    /// <summary>calPreFilterState: matching pods per domain of each hard constraint, and each constraint's global minimum.</summary>
    public Status PreFilter(PodInfo pod)
    {
        SpreadConstraint.Build(pod, UnsatisfiableConstraintAction.DoNotSchedule, _args, _store, _hard);
        if (_hard.Count == 0) return Status.Skip;
        while (_matchNum.Count < _hard.Count) _matchNum.Add(new Dictionary<string, int>(StringComparer.Ordinal));
        if (_minMatch.Length < _hard.Count) _minMatch = new int[_hard.Count];
        for (int i = 0; i < _hard.Count; i++) _matchNum[i].Clear();

        var ns = pod.Pod.Metadata.Namespace;
        for (int n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            var labels = node.Node.Metadata.Labels;
            if (!SpreadConstraint.NodeHasAllKeys(labels, _hard)) continue;
            for (int i = 0; i < _hard.Count; i++)
            {
                var c = _hard[i];
                if (!c.IncludesNode(pod, node.Node)) continue;
                ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(_matchNum[i], labels[c.TopologyKey], out _);
                count += c.CountMatching(node, ns);
            }
        }
        for (int i = 0; i < _hard.Count; i++)
        {
            // No eligible domain: the minimum is "infinite", so no node fails on skew.
            int min = int.MaxValue;
            foreach (var count in _matchNum[i].Values) min = Math.Min(min, count);
            // minMatchNum: fewer eligible domains than minDomains makes the global minimum 0.
            if (_matchNum[i].Count < _hard[i].MinDomains) min = 0;
            _minMatch[i] = min;
        }
        return Status.Success;
    }

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        if (_hard.Count == 0) return Status.Success;
        var labels = node.Node.Metadata.Labels;
        for (int i = 0; i < _hard.Count; i++)
        {
            var c = _hard[i];
            if (!labels.TryGetValue(c.TopologyKey, out var value)) return Status.Unresolvable(Name, MissingLabelReason);
            int matchNum = _matchNum[i].GetValueOrDefault(value);
            int self = c.SelfMatches(pod.Pod) ? 1 : 0;
            long skew = (long)matchNum + self - _minMatch[i];
            if (skew > c.MaxSkew) return Status.Unschedulable(Name, Reason);
        }
        return Status.Success;
    }
}
