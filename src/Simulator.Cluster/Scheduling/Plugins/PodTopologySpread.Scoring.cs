using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

// PodTopologySpread's scoring (kube's podtopologyspread/scoring.go).
public sealed partial class PodTopologySpread : IPreScorePlugin, IScorePlugin, IScoreExtensions
{
    // PreScore state, indexed like _soft.
    private readonly List<SpreadConstraint> _soft = [];
    private readonly List<Dictionary<string, long>> _domainCounts = [];
    private double[] _weight = new double[2];
    private bool _requireAllTopologies;
    private IReadOnlyList<NodeInfo> _scored = [];

    /// <summary>
    /// initPreScoreState plus the counting pass. The domains are those of the feasible nodes; each
    /// constraint's weight is ln(domains + 2) (topologyNormalizingWeight), domains being the
    /// feasible nodes themselves for the hostname key. Matching pods are then summed per domain over
    /// all nodes. Nodes must have every topology key unless the pod uses the system defaults
    /// (so nodes without a zone still spread by hostname).
    /// </summary>
    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        SpreadConstraint.Build(pod, UnsatisfiableConstraintAction.ScheduleAnyway, _args, _store, _soft);
        if (_soft.Count == 0) return Status.Skip;
        _scored = feasibleNodes;
        _requireAllTopologies = pod.Pod.Spec.TopologySpreadConstraints.Count > 0 || _args.DefaultingType != SpreadDefaultingType.System;
        while (_domainCounts.Count < _soft.Count) _domainCounts.Add(new Dictionary<string, long>(StringComparer.Ordinal));
        if (_weight.Length < _soft.Count) _weight = new double[_soft.Count];
        for (int i = 0; i < _soft.Count; i++) _domainCounts[i].Clear();

        int ignored = 0;
        for (int n = 0; n < feasibleNodes.Count; n++)
        {
            var labels = feasibleNodes[n].Node.Metadata.Labels;
            if (_requireAllTopologies && !SpreadConstraint.NodeHasAllKeys(labels, _soft))
            {
                ignored++;
                continue;
            }
            for (int i = 0; i < _soft.Count; i++)
            {
                // A missing key is the "" domain, as kube's map lookup gives.
                if (!_soft[i].IsHostname) _domainCounts[i].TryAdd(labels.GetValueOrDefault(_soft[i].TopologyKey, ""), 0);
            }
        }
        for (int i = 0; i < _soft.Count; i++)
        {
            int size = _soft[i].IsHostname ? feasibleNodes.Count - ignored : _domainCounts[i].Count;
            _weight[i] = Math.Log(size + 2);
        }

        var ns = pod.Pod.Metadata.Namespace;
        for (int n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            // Only counts are added here (the domains came from the feasible nodes), so an empty node adds nothing.
            if (node.PodCount == 0) continue;
            var labels = node.Node.Metadata.Labels;
            if (_requireAllTopologies && !SpreadConstraint.NodeHasAllKeys(labels, _soft)) continue;
            for (int i = 0; i < _soft.Count; i++)
            {
                var c = _soft[i];
                if (c.IsHostname || !c.IncludesNode(pod, node.Node)) continue;
                // Only domains of some feasible node are counted.
                ref long count = ref CollectionsMarshal.GetValueRefOrNullRef(_domainCounts[i], labels.GetValueOrDefault(c.TopologyKey, ""));
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count)) count += c.CountMatching(node, ns);
            }
        }
        return Status.Success;
    }

    /// <summary>Σ over the constraints whose key the node has of cnt·weight + (maxSkew − 1), rounded half away from zero (Go's math.Round).</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        var labels = node.Node.Metadata.Labels;
        if (IsIgnored(labels)) return 0;
        double score = 0;
        for (int i = 0; i < _soft.Count; i++)
        {
            var c = _soft[i];
            if (!labels.TryGetValue(c.TopologyKey, out var value)) continue;
            long cnt = c.IsHostname ? c.CountMatching(node, pod.Pod.Metadata.Namespace) : _domainCounts[i].GetValueOrDefault(value);
            score += cnt * _weight[i] + (c.MaxSkew - 1);
        }
        return (long)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Fewer matching pods is better: 100·(max + min − score)/max over the nodes not ignored
    /// (integer arithmetic); all 100 if every score is 0; ignored nodes (missing a key) get 0.
    /// </summary>
    public void NormalizeScore(PodInfo pod, Span<long> scores)
    {
        long min = long.MaxValue, max = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (IsIgnored(_scored[i].Node.Metadata.Labels)) continue;
            min = Math.Min(min, scores[i]);
            max = Math.Max(max, scores[i]);
        }
        for (int i = 0; i < scores.Length; i++)
        {
            if (IsIgnored(_scored[i].Node.Metadata.Labels)) scores[i] = 0;
            else if (max == 0) scores[i] = ScoreNormalizer.MaxNodeScore;
            else scores[i] = ScoreNormalizer.MaxNodeScore * (max + min - scores[i]) / max;
        }
    }

    private bool IsIgnored(IReadOnlyDictionary<string, string> labels) =>
        _requireAllTopologies && !SpreadConstraint.NodeHasAllKeys(labels, _soft);
}
