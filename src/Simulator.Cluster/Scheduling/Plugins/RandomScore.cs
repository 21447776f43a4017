using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Random fit (the FGD artifact's RandomScore): PreScore draws one feasible node uniformly, which
/// scores 100 and every other node 0. The draw comes from the scheduler's own stream; without one
/// (bare unit tests) every node scores 0 and the scheduling cycle's random tie-break picks, which
/// is as uniform.
/// </summary>
public sealed class RandomScore(Random? random) : IPreScorePlugin, IScorePlugin
{
    public const string PluginName = "RandomScore";

    private NodeInfo? _chosen;

    public string Name => PluginName;

    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        _chosen = random is null || feasibleNodes.Count == 0 ? null : feasibleNodes[random.Next(feasibleNodes.Count)];
        return Status.Success;
    }

    public long Score(PodInfo pod, NodeInfo node) => ReferenceEquals(node, _chosen) ? ScoreNormalizer.MaxNodeScore : 0;
}
