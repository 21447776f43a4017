namespace Simulator.Cluster.Api;

/// <summary>
/// core/v1 PodAffinityTerm: pods matching <see cref="LabelSelector"/> in the chosen namespaces,
/// counted per domain of <see cref="TopologyKey"/>. Namespaces: the listed ones plus those the
/// namespaceSelector selects; both absent means the owning pod's own namespace. ksim has no
/// Namespace objects, so a namespaceSelector sees the one label every namespace carries,
/// <c>kubernetes.io/metadata.name</c>, and <c>{}</c> selects every namespace.
/// </summary>
public sealed record PodAffinityTerm(
    LabelSelector? LabelSelector,
    string TopologyKey,
    IReadOnlyList<string> Namespaces,
    LabelSelector? NamespaceSelector)
{
    /// <summary>The label the API server puts on every namespace (NamespaceDefaultLabelName feature, GA).</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>AffinityTerm.Matches: the pod is in one of the term's namespaces and matches its selector (null matches nothing).</summary>
    public bool Matches(Pod pod, string ownerNamespace)
    {
        if (LabelSelector is null || !InNamespace(pod.Metadata.Namespace, ownerNamespace)) return false;
        return LabelSelector.Matches(pod.Metadata.Labels);
    }

    private bool InNamespace(string ns, string ownerNamespace)
    {
        if (Namespaces.Count == 0 && NamespaceSelector is null) return ns == ownerNamespace;
        for (int i = 0; i < Namespaces.Count; i++)
            if (Namespaces[i] == ns) return true;
        if (NamespaceSelector is null) return false;
        if (NamespaceSelector.IsEmpty) return true;
        return NamespaceSelector.Matches(new Dictionary<string, string>(1, StringComparer.Ordinal) { [NamespaceNameLabel] = ns });
    }
}

/// <summary>core/v1 WeightedPodAffinityTerm: a preferred term, weight 1-100.</summary>
public sealed record WeightedPodAffinityTerm(int Weight, PodAffinityTerm Term);

/// <summary>
/// core/v1 PodAffinity or PodAntiAffinity (the same shape): required terms are ANDed, preferred
/// terms add (affinity) or subtract (anti-affinity) their weight per matching pod.
/// </summary>
public sealed record PodAffinity(IReadOnlyList<PodAffinityTerm> Required, IReadOnlyList<WeightedPodAffinityTerm> Preferred)
{
    public static readonly PodAffinity None = new([], []);

    public bool IsEmpty => Required.Count == 0 && Preferred.Count == 0;
}
