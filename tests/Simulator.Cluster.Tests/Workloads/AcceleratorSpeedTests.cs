using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using Simulator.Cluster.Workloads;

namespace Simulator.Cluster.Tests.Workloads;

public class AcceleratorSpeedTests
{
    [Theory]
    [InlineData("Tesla-K80", 0.297)]
    [InlineData("Tesla-P100-PCIE-16GB", 0.943)]
    [InlineData("Tesla-V100-SXM2-16GB", 1.0)]
    [InlineData("A100-SXM4-40GB", 1.0)]
    [InlineData("", 1.0)]
    [InlineData(null, 1.0)]
    public void Factor_by_gpu_product_label(string? product, double expected) =>
        Assert.Equal(expected, AcceleratorSpeed.ForProduct(product));

    [Fact]
    public void Only_pods_that_request_gpus_are_sped_up_or_slowed_down()
    {
        var k80 = new NodeBuilder("old").Gpus(4).Label(AcceleratorSpeed.ProductLabel, "Tesla-K80").Build();
        Assert.Equal(0.297, AcceleratorSpeed.For(new PodBuilder("gpu").Gpus(1).Build(), k80));
        Assert.Equal(1.0, AcceleratorSpeed.For(new PodBuilder("cpu").Cpu("1").Build(), k80));
        Assert.Equal(1.0, AcceleratorSpeed.For(new PodBuilder("gpu").Gpus(1).Build(), null));
    }

    [Fact]
    public void A_gpu_pod_on_a_k80_serves_its_v100_cost_slower()
    {
        var template = new PodBuilder("infer").Gpus(1).Build();
        var pod = new Pod
        {
            Metadata = template.Metadata,
            Spec = template.Spec,
            Workload = new Workload { RequestCost = new RequestCost(SimDuration.FromMilliseconds(30)) },
        };
        var onK80 = new PodServer(pod, 0, AcceleratorSpeed.ForProduct("Tesla-K80"));
        var onV100 = new PodServer(pod, 0, AcceleratorSpeed.ForProduct("Tesla-V100-SXM2-16GB"));

        Assert.Equal(101_010, onK80.MeanServiceMicroseconds); // 30 ms / 0.297
        Assert.Equal(30_000, onV100.MeanServiceMicroseconds);
    }
}
