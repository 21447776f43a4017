using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Filter: a NoSchedule or NoExecute taint the pod does not tolerate rules the node out.
/// Score: fewer untolerated PreferNoSchedule taints is better; normalized and reversed so the
/// node with the most gets 0 and a node with none gets 100.
/// </summary>
public sealed class TaintToleration : IFilterPlugin, IScorePlugin, IScoreExtensions, IEnqueueExtensions
{
    public const string Reason = "node(s) had untolerated taint(s)";

    public string Name => PluginNames.TaintToleration;

    public ClusterEventKind EventsToRegister => ClusterEventKind.NodeAdd | ClusterEventKind.NodeTaintChange;

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        var taints = node.Node.Spec.Taints;
        for (int i = 0; i < taints.Count; i++)
        {
            var taint = taints[i];
            if (taint.Effect == TaintEffect.PreferNoSchedule) continue;
            if (!Toleration.AnyTolerates(pod.Pod.Spec.Tolerations, taint)) return Status.Unresolvable(Name, Reason);
        }
        return Status.Success;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        long count = 0;
        var taints = node.Node.Spec.Taints;
        var tolerations = pod.Pod.Spec.Tolerations;
        for (int i = 0; i < taints.Count; i++)
        {
            var taint = taints[i];
            if (taint.Effect != TaintEffect.PreferNoSchedule) continue;
            // Only tolerations with an empty or PreferNoSchedule effect count here (getAllTolerationPreferNoSchedule).
            bool tolerated = false;
            for (int j = 0; j < tolerations.Count && !tolerated; j++)
            {
                var t = tolerations[j];
                if (t.Effect is null or TaintEffect.PreferNoSchedule) tolerated = t.Tolerates(taint);
            }
            if (!tolerated) count++;
        }
        return count;
    }

    public void NormalizeScore(PodInfo pod, Span<long> scores) => ScoreNormalizer.Default(scores, reverse: true);
}
