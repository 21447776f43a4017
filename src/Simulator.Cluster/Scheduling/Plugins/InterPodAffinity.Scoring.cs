using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

// InterPodAffinity's scoring (kube's interpodaffinity/scoring.go).
public sealed partial class InterPodAffinity : IPreScorePlugin, IScorePlugin, IScoreExtensions
{
    // Per topology domain (key, value), the sum of the weights that apply to a node there.
    private readonly Dictionary<(string Key, string Value), long> _topologyScore = [];
    private readonly List<string> _scoreKeys = [];

    /// <summary>
    /// For each existing pod on any node (only pods with affinity, unless the incoming pod has
    /// preferred terms), in the existing pod's domain: + weight per incoming preferred affinity
    /// term it matches, − weight per preferred anti-affinity term; + hardPodAffinityWeight per
    /// existing required affinity term the incoming pod matches; ± weight per existing preferred
    /// (anti-)affinity term the incoming pod matches. Skip if nothing applies.
    /// </summary>
    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        _topologyScore.Clear();
        _scoreKeys.Clear();
        var incoming = pod.Pod;
        var preferred = incoming.Spec.PodAffinity.Preferred;
        var preferredAnti = incoming.Spec.PodAntiAffinity.Preferred;
        bool hasConstraints = preferred.Count > 0 || preferredAnti.Count > 0;
        if (!hasConstraints && (_tally?.WithAffinity ?? SumNodes(requiredAnti: false)) == 0) return Status.Skip;

        var ns = incoming.Metadata.Namespace;
        for (int n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            var labels = node.Node.Metadata.Labels;
            if (labels.Count == 0 || (!hasConstraints && node.PodsWithAffinity == 0)) continue;
            var pods = node.Pods;
            for (int p = 0; p < pods.Count; p++)
            {
                var existing = pods[p];
                if (!hasConstraints && !PodAffinityTally.HasAffinity(existing)) continue;
                var existingNs = existing.Metadata.Namespace;
                for (int t = 0; t < preferred.Count; t++)
                    if (preferred[t].Term.Matches(existing, ns)) AddScore(labels, preferred[t].Term.TopologyKey, preferred[t].Weight);
                for (int t = 0; t < preferredAnti.Count; t++)
                    if (preferredAnti[t].Term.Matches(existing, ns)) AddScore(labels, preferredAnti[t].Term.TopologyKey, -preferredAnti[t].Weight);
                if (_hardPodAffinityWeight > 0)
                {
                    var required = existing.Spec.PodAffinity.Required;
                    for (int t = 0; t < required.Count; t++)
                        if (required[t].Matches(incoming, existingNs)) AddScore(labels, required[t].TopologyKey, _hardPodAffinityWeight);
                }
                var theirs = existing.Spec.PodAffinity.Preferred;
                for (int t = 0; t < theirs.Count; t++)
                    if (theirs[t].Term.Matches(incoming, existingNs)) AddScore(labels, theirs[t].Term.TopologyKey, theirs[t].Weight);
                var theirsAnti = existing.Spec.PodAntiAffinity.Preferred;
                for (int t = 0; t < theirsAnti.Count; t++)
                    if (theirsAnti[t].Term.Matches(incoming, existingNs)) AddScore(labels, theirsAnti[t].Term.TopologyKey, -theirsAnti[t].Weight);
            }
        }
        return _topologyScore.Count == 0 ? Status.Skip : Status.Success;
    }

    /// <summary>The sum, over the topology keys that carry weight, of the weight of the node's domain.</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        var labels = node.Node.Metadata.Labels;
        long score = 0;
        for (int k = 0; k < _scoreKeys.Count; k++)
            if (labels.TryGetValue(_scoreKeys[k], out var value)) score += _topologyScore.GetValueOrDefault((_scoreKeys[k], value));
        return score;
    }

    /// <summary>Min-max to [0, 100]: ⌊100·(s − min)/(max − min)⌋ in floating point as kube computes it; all 0 if max = min.</summary>
    public void NormalizeScore(PodInfo pod, Span<long> scores)
    {
        if (scores.Length == 0) return;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var s in scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }
        long diff = max - min;
        for (int i = 0; i < scores.Length; i++)
            scores[i] = diff > 0 ? (long)(ScoreNormalizer.MaxNodeScore * ((double)(scores[i] - min) / diff)) : 0;
    }

    private void AddScore(IReadOnlyDictionary<string, string> labels, string key, long weight)
    {
        if (!labels.TryGetValue(key, out var value)) return;
        CollectionsMarshal.GetValueRefOrAddDefault(_topologyScore, (key, value), out bool exists) += weight;
        if (!exists && !_scoreKeys.Contains(key)) _scoreKeys.Add(key);
    }
}
