using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Fragmentation.GpuNodes;

namespace Simulator.Cluster.Tests.Scheduling.Fragmentation;

/// <summary>FGD's score, its choice of node and of GPU, against hand-computed fragmentation.</summary>
public class FgdScoreTests
{
    // Half the pods take half a GPU, half a whole GPU.
    private static readonly TargetWorkload HalfAndWhole = new([
        new WeightedShape(new PodShape(1000, 500, 1, ""), 0.5),
        new WeightedShape(new PodShape(1000, 1000, 1, ""), 0.5),
    ]);

    [Fact]
    public void The_score_is_the_sigmoid_of_the_fragmentation_decrease_in_GPUs()
    {
        // a: GPU 0 holds 500, GPU 1 is free. Before: the 500 shape fits both GPUs (0), the whole
        // shape only GPU 1, so GPU 0's 500 is a fragment: F = 0.5 * 500 = 250. Placing a 500 on
        // GPU 0 fills it: F' = 0 (on GPU 1 it would leave two halves: 0.5 * 1000 = 500).
        // score = 100 * sigmoid((250 - 0) / 1000) = 56.2 -> 56.
        // b: both GPUs free, F = 0; a 500 on either leaves F' = 250: 100 * sigmoid(-0.25) = 43.8 -> 43.
        var a = Node("a", 32_000, [500, 0]);
        var b = Node("b", 32_000, [0, 0]);
        var plugin = new FgdScore(HalfAndWhole);
        var pod = Share(500);
        plugin.PreScore(pod, [a, b]);

        Assert.Equal(250, plugin.FragmentationOf(a));
        Assert.Equal(0, plugin.FragmentationOf(b));
        Assert.Equal(56, plugin.Score(pod, a));
        Assert.Equal(43, plugin.Score(pod, b));
    }

    [Fact]
    public void The_least_fragmenting_GPU_is_the_one_chosen()
    {
        var a = Node("a", 32_000, [500, 0]);

        Assert.Equal(0, NodeFragmentation.LeastAfter(a, new PodShape(1000, 500, 1, ""), [.. HalfAndWhole.Shapes], [true, true], out int gpu));
        Assert.Equal(0, gpu);
    }

    [Fact]
    public void Whole_GPU_and_CPU_only_pods_are_scored_by_the_change_they_make()
    {
        // Whole GPU on b (both free): F' = 0.5 * 1000 (the 500 shape fits GPU 1; the whole one
        // too) -> F' = 0: every shape still fits the remaining free GPU. Score 50.
        var b = Node("b", 32_000, [0, 0]);
        var plugin = new FgdScore(HalfAndWhole);
        Assert.Equal(50, plugin.Score(Whole(1), b));
        // A CPU-only pod taking 31.5 of 32 cores leaves no shape room (each needs 1 core): all
        // 2000 idle milli become fragments: 100 * sigmoid(-2) = 11.9 -> 11.
        Assert.Equal(11, plugin.Score(CpuOnly(31_500), b));
        // A pod that requests nothing scores the maximum, as in the artifact.
        Assert.Equal(100, plugin.Score(new(new PodBuilder("empty").Build(), Resources), b));
    }

    [Fact]
    public void The_pod_goes_to_the_node_whose_fragmentation_grows_least()
    {
        var cluster = new TestCluster(new ClusterOptions { Seed = 1, SchedulerProfile = "fgd", TargetWorkload = HalfAndWhole })
            .Nodes(new NodeBuilder("a").Cpu("32").Gpus(2), new NodeBuilder("b").Cpu("32").Gpus(2));
        cluster.Create(new PodBuilder("pinned").Resource(ResourceNames.GpuMilli, 500).OnNode("a"));
        cluster.RunFor("1s");
        var pod = cluster.Create(new PodBuilder("half").Resource(ResourceNames.GpuMilli, 500));
        cluster.RunFor("1s");

        Assert.Equal("a", pod.Spec.NodeName);
        Assert.Equal([0], pod.Status.AssignedGpus);
    }

    [Theory]
    [InlineData("fgd", 1)]
    [InlineData("default", 0)]
    public void Within_the_node_FGD_keeps_the_GPU_a_frequent_shape_still_fits(string profile, int expectedGpu)
    {
        // The workload is all 0.7-GPU pods. GPU 0 has 700 free, GPU 1 all 1000. A 0.1 pod on GPU 0
        // (best fit, the default) leaves 600 there, too little for a 0.7: F' = 600. On GPU 1 it
        // leaves 700 and 900, both usable: F' = 0. FGD takes GPU 1.
        var sevenTenths = new TargetWorkload([new WeightedShape(new PodShape(0, 700, 1, ""), 1.0)]);
        var cluster = new TestCluster(new ClusterOptions { Seed = 1, SchedulerProfile = profile, TargetWorkload = sevenTenths })
            .Nodes(new NodeBuilder("a").Cpu("32").Gpus(2));
        cluster.Create(new PodBuilder("pinned").Resource(ResourceNames.GpuMilli, 300).OnNode("a"));
        cluster.RunFor("1s");
        var pod = cluster.Create(new PodBuilder("tenth").Resource(ResourceNames.GpuMilli, 100));
        cluster.RunFor("1s");

        Assert.Equal([expectedGpu], pod.Status.AssignedGpus);
    }

    [Fact]
    public void Without_a_target_workload_FGD_scores_as_best_fit()
    {
        var a = Node("a", 32_000, [500, 0]);
        var b = Node("b", 32_000, [0, 0]);
        var pod = Share(500);
        var fgd = new FgdScore(null);
        var bestFit = new BestFitScore();
        Span<long> fromFgd = [fgd.Score(pod, a), fgd.Score(pod, b)];
        Span<long> fromBestFit = [bestFit.Score(pod, a), bestFit.Score(pod, b)];
        fgd.NormalizeScore(pod, fromFgd);
        bestFit.NormalizeScore(pod, fromBestFit);

        Assert.Equal(fromBestFit.ToArray(), fromFgd.ToArray());
        Assert.Equal([100, 0], fromFgd.ToArray());
    }

    [Fact]
    public void Scoring_a_seen_shape_on_seen_nodes_allocates_nothing_and_a_changed_node_is_rescored()
    {
        var nodes = Enumerable.Range(0, 50).Select(i => Node("n" + i, 96_000, [i % 3 * 300, 0, 0, 1000, 0, 0, 0, 0])).ToArray();
        var plugin = new FgdScore(HalfAndWhole);
        var pod = Share(500);
        plugin.PreScore(pod, nodes);
        foreach (var n in nodes) plugin.Score(pod, n);

        long total = 0;
        Assert.Equal(0, Builders.SteadyStateAllocation.Of(() =>
        {
            for (int round = 0; round < 10; round++)
                foreach (var n in nodes) total += plugin.Score(pod, n);
        }));

        // Filling the free GPU 1 of n0 changes its generation: its score is recomputed (F' grows).
        long old = plugin.Score(pod, nodes[0]);
        Add(nodes[0], new PodBuilder("filler").Gpus(1).Build(), 1);
        Assert.Equal(new FgdScore(HalfAndWhole).Score(pod, nodes[0]), plugin.Score(pod, nodes[0]));
        Assert.True(total > 0 && old > 0);
    }
}
