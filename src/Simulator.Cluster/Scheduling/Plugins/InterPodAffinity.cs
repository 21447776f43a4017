using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// kube-scheduler's InterPodAffinity, filtering (interpodaffinity/filtering.go). PreFilter counts,
/// per topology domain (key, value), the existing pods matching the incoming pod's required
/// affinity terms (a pod counts only if it matches all of them) and anti-affinity terms, and the
/// existing pods whose required anti-affinity matches the incoming pod (symmetry). Filter then
/// looks the node's domains up: O(terms) per node.
/// </summary>
public sealed partial class InterPodAffinity : IPreFilterPlugin, IFilterPlugin, IEnqueueExtensions
{
    public const string PluginName = PluginNames.InterPodAffinity;

    /// <summary>ErrReasonAffinityRulesNotMatch.</summary>
    public const string AffinityReason = "node(s) didn't match pod affinity rules";

    /// <summary>ErrReasonAntiAffinityRulesNotMatch.</summary>
    public const string AntiAffinityReason = "node(s) didn't match pod anti-affinity rules";

    /// <summary>ErrReasonExistingAntiAffinityRulesNotMatch.</summary>
    public const string ExistingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules";

    /// <summary>InterPodAffinityArgs.hardPodAffinityWeight default.</summary>
    public const int DefaultHardPodAffinityWeight = 1;

    private readonly IReadOnlyList<NodeInfo> _nodes;
    private readonly PodAffinityTally? _tally;
    private readonly int _hardPodAffinityWeight;

    private readonly Dictionary<(string Key, string Value), int> _affinityCounts = [];
    private readonly Dictionary<(string Key, string Value), int> _antiAffinityCounts = [];
    private readonly Dictionary<(string Key, string Value), int> _existingAntiAffinityCounts = [];
    private bool _skipFilter = true;

    /// <param name="nodes">Every node in the cache.</param>
    /// <param name="tally">Cluster-wide counts of pods with affinity (null: summed from the nodes).</param>
    public InterPodAffinity(IReadOnlyList<NodeInfo> nodes, PodAffinityTally? tally, int hardPodAffinityWeight = DefaultHardPodAffinityWeight)
    {
        _nodes = nodes;
        _tally = tally;
        _hardPodAffinityWeight = hardPodAffinityWeight;
    }

    public string Name => PluginName;

    public ClusterEventKind EventsToRegister =>
        ClusterEventKind.NodeAdd | ClusterEventKind.NodeLabelChange | ClusterEventKind.AssignedPodAdd | ClusterEventKind.AssignedPodDelete;

    public Status PreFilter(PodInfo pod)
    {
        _affinityCounts.Clear();
        _antiAffinityCounts.Clear();
        _existingAntiAffinityCounts.Clear();
        var incoming = pod.Pod;
        var affinity = incoming.Spec.PodAffinity.Required;
        var anti = incoming.Spec.PodAntiAffinity.Required;
        bool anyExistingAnti = (_tally?.WithRequiredAntiAffinity ?? SumNodes(requiredAnti: true)) > 0;
        _skipFilter = affinity.Count == 0 && anti.Count == 0 && !anyExistingAnti;
        if (_skipFilter) return Status.Skip;

        var ns = incoming.Metadata.Namespace;
        for (int n = 0; n < _nodes.Count; n++)
        {
            var node = _nodes[n];
            var labels = node.Node.Metadata.Labels;
            var pods = node.Pods;
            // getExistingAntiAffinityCounts: existing pods' required anti-affinity terms that match the incoming pod.
            if (node.PodsWithRequiredAntiAffinity > 0)
            {
                for (int p = 0; p < pods.Count; p++)
                {
                    var terms = pods[p].Spec.PodAntiAffinity.Required;
                    for (int t = 0; t < terms.Count; t++)
                        if (terms[t].Matches(incoming, pods[p].Metadata.Namespace)) Add(_existingAntiAffinityCounts, labels, terms[t].TopologyKey);
                }
            }
            if (affinity.Count == 0 && anti.Count == 0) continue;
            // getIncomingAffinityAntiAffinityCounts.
            for (int p = 0; p < pods.Count; p++)
            {
                if (MatchesAll(affinity, pods[p], ns))
                    for (int t = 0; t < affinity.Count; t++) Add(_affinityCounts, labels, affinity[t].TopologyKey);
                for (int t = 0; t < anti.Count; t++)
                    if (anti[t].Matches(pods[p], ns)) Add(_antiAffinityCounts, labels, anti[t].TopologyKey);
            }
        }
        return Status.Success;
    }

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        if (_skipFilter) return Status.Success;
        var labels = node.Node.Metadata.Labels;
        // Unresolvable: no preemption can create the pods the affinity asks for.
        if (!SatisfiesAffinity(pod, labels)) return Status.Unresolvable(Name, AffinityReason);
        if (!SatisfiesAntiAffinity(pod, labels)) return Status.Unschedulable(Name, AntiAffinityReason);
        if (!SatisfiesExistingAntiAffinity(labels)) return Status.Unschedulable(Name, ExistingAntiAffinityReason);
        return Status.Success;
    }

    /// <summary>
    /// satisfyPodAffinity: every term's domain on this node holds a matching pod. If no pod
    /// anywhere matches and the pod matches all its own terms, it may start the group (the
    /// node must still have every topology key).
    /// </summary>
    private bool SatisfiesAffinity(PodInfo pod, IReadOnlyDictionary<string, string> labels)
    {
        var terms = pod.Pod.Spec.PodAffinity.Required;
        bool podsExist = true;
        for (int t = 0; t < terms.Count; t++)
        {
            if (!labels.TryGetValue(terms[t].TopologyKey, out var value)) return false;
            if (_affinityCounts.GetValueOrDefault((terms[t].TopologyKey, value)) <= 0) podsExist = false;
        }
        if (podsExist) return true;
        return _affinityCounts.Count == 0 && MatchesAll(terms, pod.Pod, pod.Pod.Metadata.Namespace);
    }

    private bool SatisfiesAntiAffinity(PodInfo pod, IReadOnlyDictionary<string, string> labels)
    {
        if (_antiAffinityCounts.Count == 0) return true;
        var terms = pod.Pod.Spec.PodAntiAffinity.Required;
        for (int t = 0; t < terms.Count; t++)
        {
            if (labels.TryGetValue(terms[t].TopologyKey, out var value) && _antiAffinityCounts.GetValueOrDefault((terms[t].TopologyKey, value)) > 0)
                return false;
        }
        return true;
    }

    /// <summary>satisfyExistingPodsAntiAffinity: none of the node's (key, value) labels is a domain some existing pod's anti-affinity forbids.</summary>
    private bool SatisfiesExistingAntiAffinity(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var ((key, value), count) in _existingAntiAffinityCounts)
            if (count > 0 && labels.TryGetValue(key, out var actual) && actual == value) return false;
        return true;
    }

    /// <summary>podMatchesAllAffinityTerms: false for no terms.</summary>
    private static bool MatchesAll(IReadOnlyList<PodAffinityTerm> terms, Pod pod, string ownerNamespace)
    {
        if (terms.Count == 0) return false;
        for (int t = 0; t < terms.Count; t++)
            if (!terms[t].Matches(pod, ownerNamespace)) return false;
        return true;
    }

    private static void Add(Dictionary<(string, string), int> counts, IReadOnlyDictionary<string, string> labels, string key)
    {
        if (labels.TryGetValue(key, out var value)) CollectionsMarshal.GetValueRefOrAddDefault(counts, (key, value), out _)++;
    }

    private int SumNodes(bool requiredAnti)
    {
        int sum = 0;
        for (int n = 0; n < _nodes.Count; n++) sum += requiredAnti ? _nodes[n].PodsWithRequiredAntiAffinity : _nodes[n].PodsWithAffinity;
        return sum;
    }
}
