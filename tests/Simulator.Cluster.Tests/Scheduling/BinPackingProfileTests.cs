using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>The bin-packing profile: MostAllocated, accelerators weighted 3.</summary>
public class BinPackingProfileTests
{
    private static TestCluster TwoGpuNodes(string profile) => new TestCluster(seed: 3, profile: profile).Nodes(
        new NodeBuilder("a").Cpu("32").Memory("128Gi").Gpus(4),
        new NodeBuilder("b").Cpu("32").Memory("128Gi").Gpus(4));

    [Theory]
    [InlineData("bin-packing", true)]
    [InlineData("default", false)]
    public void A_second_GPU_pod_joins_the_first_only_when_packing(string profile, bool together)
    {
        var cluster = TwoGpuNodes(profile);
        var first = cluster.Create(new PodBuilder("first").Cpu("4").Memory("16Gi").Gpus(1));
        cluster.RunFor("1s");
        var second = cluster.Create(new PodBuilder("second").Cpu("4").Memory("16Gi").Gpus(1));
        cluster.RunFor("1s");

        Assert.Equal(together, first.Spec.NodeName == second.Spec.NodeName);
    }

    [Fact]
    public void Packing_keeps_a_whole_node_free_for_a_pod_that_needs_all_its_GPUs()
    {
        // Four 1-GPU pods, then a 4-GPU pod: packed, the four share one node and the big pod fits
        // on the other; spread by the default profile, it would find no node with 4 free GPUs.
        foreach (var (profile, fits) in new[] { ("bin-packing", true), ("default", false) })
        {
            var cluster = TwoGpuNodes(profile);
            for (int i = 0; i < 4; i++)
            {
                cluster.Create(new PodBuilder($"small-{i}").Cpu("1").Memory("1Gi").Gpus(1));
                cluster.RunFor("1s");
            }
            var big = cluster.Create(new PodBuilder("big").Cpu("1").Memory("1Gi").Gpus(4));
            cluster.RunFor("1s");
            Assert.True(big.IsBound == fits, $"{profile}: big pod bound = {big.IsBound}");
        }
    }
}
