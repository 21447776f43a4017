using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Accelerators;

/// <summary>A node's accelerator from its labels and allocatable, and TPU topologies as chip counts.</summary>
public class AcceleratorLabelsTests
{
    [Fact]
    public void Nvidia_product_label_wins_then_gke_accelerator_then_tpu_accelerator()
    {
        var both = new NodeBuilder("a").Gpus(8)
            .Label(AcceleratorLabels.GpuProduct, "NVIDIA-H100-80GB-HBM3").Label(AcceleratorLabels.GkeAccelerator, "nvidia-h100-80gb").Build();
        var gke = new NodeBuilder("b").Gpus(1).Label(AcceleratorLabels.GkeAccelerator, "nvidia-tesla-t4").Build();
        var tpu = new NodeBuilder("c").Resource(ResourceNames.GoogleTpu, 4).Label(AcceleratorLabels.TpuAccelerator, "tpu-v5-lite-podslice").Build();
        var cpu = new NodeBuilder("d").Build();

        Assert.Equal(("NVIDIA-H100-80GB-HBM3", 8), (AcceleratorLabels.AcceleratorOf(both), AcceleratorLabels.AcceleratorCount(both)));
        Assert.Equal(("nvidia-tesla-t4", 1), (AcceleratorLabels.AcceleratorOf(gke), AcceleratorLabels.AcceleratorCount(gke)));
        Assert.Equal(("tpu-v5-lite-podslice", 4), (AcceleratorLabels.AcceleratorOf(tpu), AcceleratorLabels.AcceleratorCount(tpu)));
        Assert.Equal((null, 0), (AcceleratorLabels.AcceleratorOf(cpu), AcceleratorLabels.AcceleratorCount(cpu)));
        Assert.Null(AcceleratorLabels.GpuModelOf(tpu));
        Assert.True(AcceleratorLabels.IsTpu(tpu.Metadata.Labels, tpu.Status.Allocatable));
    }

    [Fact]
    public void A_node_label_resolves_to_a_throughput_table_accelerator()
    {
        var node = new NodeBuilder("a").Gpus(4).Label(AcceleratorLabels.GpuProduct, "Tesla-V100-SXM2-16GB").Build();
        Assert.Equal("v100", Simulator.Cluster.Workloads.Training.ThroughputTable.Default.ResolveAccelerator(AcceleratorLabels.AcceleratorOf(node)));
    }

    [Theory]
    [InlineData("2x4", 8L)]
    [InlineData("4x4x4", 64L)]
    [InlineData("1x1", 1L)]
    [InlineData("16x16", 256L)]
    [InlineData("", null)]
    [InlineData("8", null)]
    [InlineData("2x0", null)]
    [InlineData("2x-4", null)]
    [InlineData("2x4x4x4", null)]
    [InlineData("axb", null)]
    public void Tpu_topology_is_the_product_of_its_sizes(string topology, long? chips) =>
        Assert.Equal(chips, TpuTopology.Chips(topology));
}
