using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// kube-scheduler's helper.DefaultSelector: the union (AND) of the selectors of the Services and
/// ReplicaSets in the pod's namespace that select the pod. ksim has no ReplicationControllers or
/// StatefulSets, the other two kinds Kubernetes includes. Null when nothing selects the pod.
/// </summary>
public static class DefaultSelector
{
    public static LabelSelector? Of(Pod pod, ClusterStore store)
    {
        Dictionary<string, string>? matchLabels = null;
        List<LabelSelectorRequirement>? expressions = null;
        var labels = pod.Metadata.Labels;
        var ns = pod.Metadata.Namespace;
        var services = store.Services.Items;
        for (int i = 0; i < services.Count; i++)
        {
            var s = services[i];
            // A Service without a selector selects nothing (GetPodServices skips it).
            if (s.Metadata.Namespace != ns || s.Spec.Selector.Count == 0) continue;
            if (!Selects(s.Spec.Selector, labels)) continue;
            matchLabels ??= new(StringComparer.Ordinal);
            foreach (var (k, v) in s.Spec.Selector) matchLabels[k] = v;
        }
        var replicaSets = store.ReplicaSets.Items;
        for (int i = 0; i < replicaSets.Count; i++)
        {
            var rs = replicaSets[i];
            var selector = rs.Spec.Selector;
            // An empty ReplicaSet selector is invalid in Kubernetes; GetPodReplicaSets skips it.
            if (rs.Metadata.Namespace != ns || selector.IsEmpty || !selector.Matches(labels)) continue;
            matchLabels ??= new(StringComparer.Ordinal);
            foreach (var (k, v) in selector.MatchLabels) matchLabels[k] = v;
            if (selector.MatchExpressions.Count > 0) (expressions ??= []).AddRange(selector.MatchExpressions);
        }
        if (matchLabels is null) return null;
        return new LabelSelector(matchLabels, expressions is null ? [] : expressions);
    }

    /// <summary>A Service's map selector against pod labels, without allocating (this runs every cycle for every Service).</summary>
    private static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is Dictionary<string, string> map)
        {
            foreach (var (k, v) in map)
                if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
            return true;
        }
        foreach (var (k, v) in selector)
            if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
        return true;
    }
}
