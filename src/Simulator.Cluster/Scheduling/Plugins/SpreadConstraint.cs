using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// A topology spread constraint as kube-scheduler evaluates it (its topologySpreadConstraint):
/// the selector with matchLabelKeys merged in, and the defaults of minDomains and the node
/// inclusion policies applied. Built once per scheduling cycle for a pod that has constraints.
/// </summary>
internal sealed class SpreadConstraint
{
    public SpreadConstraint(TopologySpreadConstraint c, LabelSelector? selector, IReadOnlyDictionary<string, string> podLabels)
    {
        MaxSkew = c.MaxSkew;
        TopologyKey = c.TopologyKey;
        MinDomains = c.MinDomains;
        NodeAffinityPolicy = c.NodeAffinityPolicy;
        NodeTaintsPolicy = c.NodeTaintsPolicy;
        Selector = selector is null ? null : WithMatchLabelKeys(selector, c.MatchLabelKeys, podLabels);
        IsHostname = c.TopologyKey == PodTopologySpreadArgs.HostnameLabel;
    }

    public int MaxSkew { get; }

    public string TopologyKey { get; }

    public int MinDomains { get; }

    public NodeInclusionPolicy NodeAffinityPolicy { get; }

    public NodeInclusionPolicy NodeTaintsPolicy { get; }

    /// <summary>Null selects no pod (labels.Nothing).</summary>
    public LabelSelector? Selector { get; }

    /// <summary>Hostname domains are single nodes, so scoring counts them per node instead of per domain.</summary>
    public bool IsHostname { get; }

    /// <summary>Whether the incoming pod itself matches (the "+1" of the skew).</summary>
    public bool SelfMatches(Pod pod) => Selector is not null && Selector.Matches(pod.Metadata.Labels);

    /// <summary>
    /// countPodsMatchSelector: pods on the node in <paramref name="ns"/>, not terminating, that the
    /// selector matches. An empty selector counts nothing (kube returns 0 for selector.Empty()).
    /// </summary>
    public int CountMatching(NodeInfo node, string ns)
    {
        if (Selector is null || Selector.IsEmpty) return 0;
        var pods = node.Pods;
        int count = 0;
        for (int i = 0; i < pods.Count; i++)
        {
            var p = pods[i];
            if (p.IsTerminating || p.Metadata.Namespace != ns) continue;
            if (Selector.Matches(p.Metadata.Labels)) count++;
        }
        return count;
    }

    /// <summary>matchNodeInclusionPolicies: nodeAffinityPolicy Honor counts only nodes the pod's node affinity admits; nodeTaintsPolicy Honor only nodes whose NoSchedule/NoExecute taints it tolerates.</summary>
    public bool IncludesNode(PodInfo pod, Node node)
    {
        if (NodeAffinityPolicy == NodeInclusionPolicy.Honor && !NodeAffinity.Matches(pod, node)) return false;
        if (NodeTaintsPolicy == NodeInclusionPolicy.Honor)
        {
            var taints = node.Spec.Taints;
            for (int i = 0; i < taints.Count; i++)
            {
                if (taints[i].Effect == TaintEffect.PreferNoSchedule) continue;
                if (!Toleration.AnyTolerates(pod.Pod.Spec.Tolerations, taints[i])) return false;
            }
        }
        return true;
    }

    /// <summary>nodeLabelsMatchSpreadConstraints: the node has every constraint's topology key.</summary>
    public static bool NodeHasAllKeys(IReadOnlyDictionary<string, string> labels, List<SpreadConstraint> constraints)
    {
        for (int i = 0; i < constraints.Count; i++)
            if (!labels.ContainsKey(constraints[i].TopologyKey)) return false;
        return true;
    }

    /// <summary>
    /// The constraints of <paramref name="pod"/> with the given action: its own, or, if it has none,
    /// the defaults with the Services' and ReplicaSets' selector (none if nothing selects it or
    /// there is no store to ask).
    /// </summary>
    public static void Build(PodInfo pod, UnsatisfiableConstraintAction action, PodTopologySpreadArgs args,
        Store.ClusterStore? store, List<SpreadConstraint> into)
    {
        into.Clear();
        var spec = pod.Pod.Spec;
        var labels = pod.Pod.Metadata.Labels;
        var own = spec.TopologySpreadConstraints;
        if (own.Count > 0)
        {
            for (int i = 0; i < own.Count; i++)
                if (own[i].WhenUnsatisfiable == action) into.Add(new SpreadConstraint(own[i], own[i].LabelSelector, labels));
            return;
        }
        var defaults = args.EffectiveDefaults;
        bool any = false;
        for (int i = 0; i < defaults.Count && !any; i++) any = defaults[i].WhenUnsatisfiable == action;
        if (!any || store is null) return;
        if (DefaultSelector.Of(pod.Pod, store) is not { } selector) return;
        for (int i = 0; i < defaults.Count; i++)
            if (defaults[i].WhenUnsatisfiable == action) into.Add(new SpreadConstraint(defaults[i], selector, labels));
    }

    private static LabelSelector WithMatchLabelKeys(LabelSelector selector, IReadOnlyList<string> keys, IReadOnlyDictionary<string, string> podLabels)
    {
        if (keys.Count == 0) return selector;
        Dictionary<string, string>? merged = null;
        foreach (var key in keys)
        {
            if (!podLabels.TryGetValue(key, out var value)) continue;
            merged ??= new Dictionary<string, string>(selector.MatchLabels, StringComparer.Ordinal);
            merged[key] = value;
        }
        return merged is null ? selector : selector with { MatchLabels = merged };
    }
}
