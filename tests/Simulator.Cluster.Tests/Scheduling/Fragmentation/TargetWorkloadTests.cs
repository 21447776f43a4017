using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Fragmentation;

/// <summary>The target workload: the most frequent shapes covering a share of the pods, weighted by frequency.</summary>
public class TargetWorkloadTests
{
    private static readonly PodShape X = new(4000, 500, 1, "");
    private static readonly PodShape Y = new(8000, 1000, 1, "");
    private static readonly PodShape Z = new(2000, 0, 0, "");
    private static readonly PodShape W = new(16000, 1000, 8, "V100M32");

    // 5 X, 3 Y, 1 Z, 1 W, interleaved: the order of the pods must not matter.
    private static readonly PodShape[] Pods = [Y, X, W, X, Y, X, Z, X, Y, X];

    [Fact]
    public void Shapes_are_taken_by_frequency_until_they_cover_95_percent_and_reweighted_to_sum_to_one()
    {
        // 9.5 pods must be covered: X (5), Y (8), then Z and W (1 each, Z first: less CPU) reach 10.
        var shapes = TargetWorkload.FromPods(Pods).Shapes;

        Assert.Equal([X, Y, Z, W], shapes.Select(s => s.Shape));
        Assert.Equal([0.5, 0.3, 0.1, 0.1], shapes.Select(s => s.Weight));
    }

    [Fact]
    public void A_lower_coverage_drops_the_rare_shapes_and_renormalises_the_rest()
    {
        // 8 of 10 pods: X and Y cover exactly 8; their weights are 5/8 and 3/8.
        var shapes = TargetWorkload.FromPods(Pods, coverage: 0.8).Shapes;

        Assert.Equal([X, Y], shapes.Select(s => s.Shape));
        Assert.Equal([5.0 / 8, 3.0 / 8], shapes.Select(s => s.Weight));
    }

    [Fact]
    public void A_pods_shape_reads_its_GPU_request_and_model_constraint()
    {
        var share = new PodBuilder("s").Cpu("6").Resource(ResourceNames.GpuMilli, 460).Build();
        var whole = new PodBuilder("w").Cpu("12").Gpus(2).NodeSelector("nvidia.com/gpu.product", "V100M32").Build();
        var cpu = new PodBuilder("c").Cpu("1").Build();

        Assert.Equal(new PodShape(6000, 460, 1, ""), PodShape.Of(share));
        Assert.Equal(new PodShape(12000, 1000, 2, "V100M32"), PodShape.Of(whole));
        Assert.Equal(new PodShape(1000, 0, 0, ""), PodShape.Of(cpu));
        Assert.True(new PodShape(0, 500, 1, "A10|V100M32").MayUse("V100M32"));
        Assert.False(new PodShape(0, 500, 1, "A10|V100M32").MayUse("V100M3"));
        Assert.False(new PodShape(0, 500, 1, "A10").MayUse(null));
    }
}
