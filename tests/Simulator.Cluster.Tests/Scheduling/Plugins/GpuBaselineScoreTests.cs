using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Fragmentation.GpuNodes;

namespace Simulator.Cluster.Tests.Scheduling.Plugins;

/// <summary>The FGD paper's baseline policies: each score against hand-computed values, and the node it prefers.</summary>
public class GpuBaselineScoreTests
{
    private static long[] Scores(IScorePlugin plugin, PodInfo pod, params NodeInfo[] nodes)
    {
        if (plugin is IPreScorePlugin pre) pre.PreScore(pod, nodes);
        var scores = nodes.Select(n => plugin.Score(pod, n)).ToArray();
        if (plugin is IScoreExtensions ext) ext.NormalizeScore(pod, scores);
        return scores;
    }

    [Fact]
    public void Best_fit_prefers_the_node_left_with_least_CPU_and_GPU()
    {
        // 4 cores and half a GPU. big: 32 cores, GPUs free 1000, 1000, 1000, 500 (3500):
        // leftover 28000/128000 * 0.5 + 3000/8000 * 0.5 = 0.296875 -> (1 - 0.296875) * 100 = 70.
        // small: 8 cores, one free GPU: 4000/128000 * 0.5 + 500/8000 * 0.5 = 0.046875 -> 95.
        var big = Node("big", 32_000, [0, 0, 0, 500]);
        var small = Node("small", 8_000, [0]);
        var pod = Share(500, cpuMilli: 4_000);

        Assert.Equal([70, 95], new[] { big, small }.Select(n => BestFitScore.ScoreOf(Cluster.Scheduling.Fragmentation.PodShape.Of(pod.Pod), n)));
        // Min-max normalised over the feasible nodes.
        Assert.Equal([0, 100], Scores(new BestFitScore(), pod, big, small));
    }

    [Fact]
    public void Dot_product_prefers_the_node_whose_free_resources_align_least_with_the_pod()
    {
        // 16 cores, two whole GPUs, normalised by 128 cores and 8 GPUs.
        // wide: 64 cores, 8 free GPUs: 0.5 * 0.125 + 1 * 0.25 = 0.3125 -> 100 * (1 - 0.15625) = 84.
        // tight: 16 cores, 2 free GPUs: 0.125 * 0.125 + 0.25 * 0.25 = 0.078125 -> 100 * (1 - 0.0390625) = 96.
        var wide = Node("wide", 64_000, new int[8]);
        var tight = Node("tight", 16_000, [0, 0]);

        Assert.Equal([84, 96], Scores(new DotProductScore(), Whole(2, cpuMilli: 16_000), wide, tight));
    }

    [Fact]
    public void Dot_product_scores_a_share_by_the_tightest_GPU_that_holds_it()
    {
        // Half a GPU, no CPU (so only the GPU term counts). partly: GPU 0 has 500 free, the other
        // seven are free (7000 together); the tightest way is GPU 0:
        // 500/8000 * 500/8000 = 0.00390625 -> 100 * (1 - 0.001953125) = 99.8 -> 99
        // (the seven free GPUs would give 7000/8000 * 0.0625 -> 97). idle: eight free GPUs:
        // 8000/8000 * 0.0625 = 0.0625 -> 100 * (1 - 0.03125) = 96.
        var partly = Node("partly", 32_000, [500, 0, 0, 0, 0, 0, 0, 0]);
        var idle = Node("idle", 32_000, new int[8]);

        Assert.Equal([99, 96], Scores(new DotProductScore(), Share(500, cpuMilli: 0), partly, idle));
    }

    [Fact]
    public void GPU_packing_prefers_partly_used_GPUs_then_used_nodes_then_idle_nodes()
    {
        // A 0.3 share. shared: GPU 0 has 500 free (the tightest that holds it): 100 - 50/10 = 95.
        // used: GPU 0 is held whole, so the share takes free GPU 1: 50 - 1 = 49.
        // idle: 4 free GPUs: max(33 - 4, 4) = 29.
        var shared = Node("shared", 32_000, [500, 0]);
        var used = Node("used", 32_000, [1000, 0]);
        var idle = Node("idle", 32_000, [0, 0, 0, 0]);

        Assert.Equal([95, 49, 29], Scores(new GpuPackingScore(), Share(300), shared, used, idle));
        // Two whole GPUs on a used 4-GPU node take two free GPUs: 50 - 2 = 48.
        Assert.Equal([48], Scores(new GpuPackingScore(), Whole(2), Node("used4", 32_000, [1000, 0, 0, 0])));
        // Pods without GPUs are not packed: 0 everywhere.
        Assert.Equal([0, 0], Scores(new GpuPackingScore(), CpuOnly(1000), shared, idle));
    }

    [Fact]
    public void GPU_clustering_prefers_nodes_holding_only_the_pods_GPU_class()
    {
        // 8-GPU nodes; band = 25 * (8000 - free) / 8000 in integers.
        // onlyShares: one 0.5 share, free 7500: band 1; only the pod's class: 75 + 1 = 76.
        // mixed: a share and a whole GPU, free 6500: band 4; the pod's class among others: 50 + 4 = 54.
        // empty: no GPU pod: 25 + 0 = 25. onlyWhole: one whole GPU, free 7000: band 3, other class only: 3.
        var onlyShares = Node("only-shares", 64_000, [500, 0, 0, 0, 0, 0, 0, 0]);
        var mixed = Node("mixed", 64_000, [500, 1000, 0, 0, 0, 0, 0, 0]);
        var empty = Node("empty", 64_000, new int[8]);
        var onlyWhole = Node("only-whole", 64_000, [1000, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal([76, 54, 25, 3], Scores(new GpuClusteringScore(), Share(200), onlyShares, mixed, empty, onlyWhole));
        // A 1-GPU pod is of onlyWhole's class: 75 + 3 = 78; a 2-GPU pod is not: 3.
        Assert.Equal([78], Scores(new GpuClusteringScore(), Whole(1), onlyWhole));
        Assert.Equal([3], Scores(new GpuClusteringScore(), Whole(2), onlyWhole));
        Assert.Equal([0], Scores(new GpuClusteringScore(), CpuOnly(1000), onlyShares));
    }

    [Fact]
    public void GPU_clustering_sees_a_node_change_when_a_pod_leaves()
    {
        var node = Node("n", 64_000, new int[8]);
        var plugin = new GpuClusteringScore();
        var share = Share(200);
        Assert.Equal([25], Scores(plugin, share, node));
        var whole = Add(node, new PodBuilder("whole").Gpus(1).Build(), 0);
        Assert.Equal([3], Scores(plugin, share, node));
        node.RemovePod(whole, new PodInfo(whole, Resources));
        Assert.Equal([25], Scores(plugin, share, node));
    }

    [Fact]
    public void Random_fit_gives_100_to_one_feasible_node_drawn_from_the_stream()
    {
        var nodes = new[] { Node("a", 8_000, [0]), Node("b", 8_000, [0]), Node("c", 8_000, [0]) };
        int drawn = new Random(5).Next(3);

        var scores = Scores(new RandomScore(new Random(5)), Share(100), nodes);

        Assert.Equal(Enumerable.Range(0, 3).Select(i => i == drawn ? 100L : 0L), scores);
        // Without a stream every node ties at 0 and the cycle's tie-break draws instead.
        Assert.Equal([0, 0, 0], Scores(new RandomScore(null), Share(100), nodes));
    }
}
