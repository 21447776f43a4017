using Simulator.Cluster.Scheduling.Fragmentation;
using static Simulator.Cluster.Tests.Scheduling.Fragmentation.GpuNodes;

namespace Simulator.Cluster.Tests.Scheduling.Fragmentation;

/// <summary>
/// A node's fragmentation against hand-computed values. The node used in most cases has four GPUs
/// with 300, 800, 0 and 1000 thousandths used: free 700, 200, 1000, 0 (idle 1900).
/// </summary>
public class NodeFragmentationTests
{
    private static readonly int[] Mixed = [300, 800, 0, 1000];

    private static TargetWorkload One(PodShape shape) => new([new WeightedShape(shape, 1.0)]);

    private static PodShape ShareShape(int milli, long cpu = 1000, string models = "") => new(cpu, milli, 1, models);

    private static PodShape WholeShape(int gpus, long cpu = 1000) => new(cpu, 1000, gpus, "");

    [Theory]
    // 500 fits the GPUs with 700 and 1000 free; the 200 and 0 left on the others are fragments.
    [InlineData(500, 200)]
    // 800 fits only the free GPU; 700 + 200 + 0 are fragments.
    [InlineData(800, 900)]
    // 100 fits every GPU with anything free: only the full GPU's 0 is left over.
    [InlineData(100, 0)]
    public void A_share_shape_counts_the_free_share_of_GPUs_too_full_for_it(int milli, double expected)
    {
        Assert.Equal(expected, NodeFragmentation.Of(Node("n", 32_000, Mixed), One(ShareShape(milli))));
    }

    [Fact]
    public void A_shape_needing_more_whole_GPUs_than_are_free_makes_all_idle_GPU_a_fragment()
    {
        // Two whole GPUs: only one GPU is entirely free, so the shape does not fit: all 1900 idle.
        Assert.Equal(1900, NodeFragmentation.Of(Node("n", 32_000, Mixed), One(WholeShape(2))));
        // More GPUs than the node has at all.
        Assert.Equal(2000, NodeFragmentation.Of(Node("n", 32_000, [0, 0]), One(WholeShape(4))));
    }

    [Fact]
    public void A_multi_GPU_shape_that_fits_counts_only_the_partly_used_GPUs()
    {
        // Free 1000, 1000, 500, 0: two whole GPUs fit; the 500 left on the third is a fragment.
        Assert.Equal(500, NodeFragmentation.Of(Node("n", 32_000, [0, 0, 500, 1000]), One(WholeShape(2))));
    }

    [Fact]
    public void A_shape_restricted_to_other_GPU_models_cannot_use_any_idle_GPU()
    {
        var v100 = ShareShape(500, models: "V100M16|V100M32");
        Assert.Equal(1900, NodeFragmentation.Of(Node("t4", 32_000, Mixed, model: "T4"), One(v100)));
        Assert.Equal(200, NodeFragmentation.Of(Node("v100", 32_000, Mixed, model: "V100M32"), One(v100)));
        // A node without the model label is a node of no model: a restricted shape cannot use it.
        Assert.Equal(1900, NodeFragmentation.Of(Node("unlabelled", 32_000, Mixed), One(v100)));
    }

    [Fact]
    public void A_node_without_the_CPU_a_shape_needs_leaves_all_its_idle_GPU_to_fragments()
    {
        // 8 cores, 7 requested: a shape of 2 cores fits no GPU here, however free.
        var node = Node("n", 8_000, Mixed, cpuUsedMilli: 7_000);
        Assert.Equal(1900, NodeFragmentation.Of(node, One(ShareShape(500, cpu: 2_000))));
        Assert.Equal(200, NodeFragmentation.Of(node, One(ShareShape(500, cpu: 1_000))));
    }

    [Fact]
    public void A_CPU_only_shape_can_use_no_GPU_so_all_idle_GPU_is_a_fragment_for_it()
    {
        Assert.Equal(1900, NodeFragmentation.Of(Node("n", 32_000, Mixed), One(new PodShape(1000, 0, 0, ""))));
    }

    [Fact]
    public void The_node_fragmentation_is_the_frequency_weighted_sum_over_shapes()
    {
        var workload = new TargetWorkload([
            new WeightedShape(ShareShape(500), 0.5),
            new WeightedShape(WholeShape(1), 0.3),
            new WeightedShape(new PodShape(2000, 0, 0, ""), 0.2),
        ]);
        // 0.5 * 200 + 0.3 * (700 + 200 + 0) + 0.2 * 1900 = 100 + 270 + 380.
        Assert.Equal(750, NodeFragmentation.Of(Node("n", 32_000, Mixed), workload), 9);
    }

    [Fact]
    public void A_node_with_no_idle_GPU_has_no_fragmentation()
    {
        Assert.Equal(0, NodeFragmentation.Of(Node("full", 32_000, [1000, 1000]), One(ShareShape(500))));
        Assert.Equal(0, NodeFragmentation.Of(Node("cpu", 32_000, []), One(new PodShape(1000, 0, 0, ""))));
    }
}
