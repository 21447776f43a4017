using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Filter: the node must match the pod's nodeSelector and at least one required node-affinity
/// term. Score: the sum of the weights of matching preferred terms, normalized to [0, 100].
/// </summary>
public sealed class NodeAffinity : IFilterPlugin, IPreScorePlugin, IScorePlugin, IScoreExtensions, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't match Pod's node affinity/selector";

    public string Name => PluginNames.NodeAffinity;

    public ClusterEventKind EventsToRegister => ClusterEventKind.NodeAdd | ClusterEventKind.NodeLabelChange;

    public Status Filter(PodInfo pod, NodeInfo node) =>
        Matches(pod, node.Node) ? Status.Success : Status.Unresolvable(Name, Reason);

    /// <summary>RequiredNodeAffinity.Match: the nodeSelector AND any of the required terms.</summary>
    public static bool Matches(PodInfo pod, Node node)
    {
        var labels = node.Metadata.Labels;
        var selector = pod.NodeSelector;
        for (int i = 0; i < selector.Length; i++)
        {
            if (!labels.TryGetValue(selector[i].Key, out var actual) || actual != selector[i].Value) return false;
        }
        var required = pod.Pod.Spec.Affinity.Required;
        if (required is null) return true;
        for (int i = 0; i < required.Count; i++)
            if (required[i].Matches(node)) return true;
        return false;
    }

    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes) =>
        pod.Pod.Spec.Affinity.Preferred.Count == 0 ? Status.Skip : Status.Success;

    public long Score(PodInfo pod, NodeInfo node)
    {
        long total = 0;
        var preferred = pod.Pod.Spec.Affinity.Preferred;
        for (int i = 0; i < preferred.Count; i++)
        {
            if (preferred[i].Weight != 0 && preferred[i].Preference.Matches(node.Node)) total += preferred[i].Weight;
        }
        return total;
    }

    public void NormalizeScore(PodInfo pod, Span<long> scores) => ScoreNormalizer.Default(scores, reverse: false);
}
