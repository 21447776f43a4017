using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Fragmentation gradient descent (Weng et al., ATC'23; the artifact's FGDScore): the pod goes
/// where the node's fragmentation for the target workload (<see cref="NodeFragmentation"/>) grows
/// least. With F the fragmentation before and F' the least after placing the pod (over the GPUs a
/// share could take; <see cref="NodeFragmentation.LeastAfter"/>), in GPU thousandths:
/// <c>score = (long)(100 * sigmoid((F - F') / 1000))</c>, as the artifact computes it, without
/// NormalizeScore: 50 when nothing changes, below 50 as fragmentation grows, above 50 when the pod
/// fills what would otherwise stay a fragment. A pod that requests nothing scores 100.
/// GpuShare, configured with <see cref="GpuSelection.LeastFragmentation"/>, then puts a share on
/// the GPU that achieves F'.
/// <para>
/// Without a target workload the plugin scores as <see cref="BestFitScore"/> (and GpuShare's
/// selection falls back to best fit): a policy whose input is missing behaves as the closest one
/// that needs none, rather than guessing a workload from whatever pods arrive first.
/// </para>
/// <para>
/// Caching: a node's F is kept until the node changes (<see cref="NodeInfo.Generation"/>), and its
/// score for each pod shape seen (shapes differ only in CPU, share and count here; models only
/// decide feasibility) likewise, so a cycle recomputes only the nodes that changed since the shape
/// was last scored. Score allocates nothing once a node and a shape have been seen.
/// </para>
/// </summary>
public sealed class FgdScore : IPreScorePlugin, IScorePlugin, IScoreExtensions
{
    public const string PluginName = "FGDScore";

    private readonly WeightedShape[]? _shapes;
    private readonly PerNodeCache<NodeCache> _nodes;
    private readonly Dictionary<PodShape, int> _shapeIds = [];
    private CurrentPodShape _pod;
    private PodShape _shape;
    private int _shapeId;
    private bool _requestsNothing;

    /// <param name="liveNodes">The scheduler cache's nodes, so that state of nodes gone is dropped.</param>
    public FgdScore(TargetWorkload? workload, IReadOnlyList<NodeInfo>? liveNodes = null)
    {
        _shapes = workload is null ? null : [.. workload.Shapes];
        _nodes = new PerNodeCache<NodeCache>(liveNodes ?? []);
    }

    public string Name => PluginName;

    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        Prepare(pod);
        return Status.Success;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        Prepare(pod);
        if (_shapes is null) return BestFitScore.ScoreOf(_shape, node);
        if (_requestsNothing) return ScoreNormalizer.MaxNodeScore;
        var cache = CacheOf(node);
        if (cache.TryGetScore(_shapeId, node.Generation, out long score)) return score;
        double after = NodeFragmentation.LeastAfter(node, _shape, _shapes, cache.Access, out _);
        score = ScoreOf(cache.Fragmentation, after);
        cache.SetScore(_shapeId, node.Generation, score);
        return score;
    }

    public void NormalizeScore(PodInfo pod, Span<long> scores)
    {
        if (_shapes is null) ScoreNormalizer.MinMax(scores);
    }

    /// <summary><c>(long)(100 * sigmoid((before - after) / 1000))</c>; 0 where the pod does not fit (after = +inf).</summary>
    public static long ScoreOf(double before, double after) =>
        (long)(ScoreNormalizer.MaxNodeScore / (1.0 + Math.Exp(-(before - after) / 1000.0)));

    /// <summary>The node's fragmentation now, from the cache when the node has not changed.</summary>
    public double FragmentationOf(NodeInfo node) => _shapes is null ? 0 : CacheOf(node).Fragmentation;

    private void Prepare(PodInfo pod)
    {
        _requestsNothing = pod.Requests.Length == 0;
        var shape = _pod.Of(pod) with { GpuModels = "" };
        if (shape == _shape && _shapeIds.Count > 0) return;
        _shape = shape;
        if (!_shapeIds.TryGetValue(shape, out _shapeId))
        {
            _shapeId = _shapeIds.Count;
            _shapeIds.Add(shape, _shapeId);
        }
    }

    private NodeCache CacheOf(NodeInfo node)
    {
        if (!_nodes.TryGetValue(node, out var cache))
        {
            cache = new NodeCache(_shapes!.Length);
            _nodes.Set(node, cache);
        }
        if (cache.Generation != node.Generation)
        {
            NodeFragmentation.Access(NodeFragmentation.ModelOf(node), _shapes, cache.Access);
            cache.Fragmentation = NodeFragmentation.Of(NodeFragmentation.CpuFree(node), node.GpuUsedMilli, _shapes, cache.Access);
            cache.Generation = node.Generation;
        }
        return cache;
    }

    /// <summary>What FGD knows about one node at one generation.</summary>
    private sealed class NodeCache(int shapes)
    {
        public long Generation = -1;
        public double Fragmentation;
        public readonly bool[] Access = new bool[shapes];

        // Per pod shape id: the generation + 1 the score was computed at (0 = never), and the score.
        private long[] _scoredAt = new long[8];
        private long[] _scores = new long[8];

        public bool TryGetScore(int shape, long generation, out long score)
        {
            score = 0;
            if (shape >= _scoredAt.Length || _scoredAt[shape] != generation + 1) return false;
            score = _scores[shape];
            return true;
        }

        public void SetScore(int shape, long generation, long score)
        {
            if (shape >= _scoredAt.Length)
            {
                int size = Math.Max(shape + 1, _scoredAt.Length * 2);
                Array.Resize(ref _scoredAt, size);
                Array.Resize(ref _scores, size);
            }
            _scoredAt[shape] = generation + 1;
            _scores[shape] = score;
        }
    }
}
