using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Traces;

namespace Simulator.Cluster.Tests.Workloads.Traces;

/// <summary>How a trace row becomes a Kubernetes pod: gpu_milli is per GPU, gpu_spec a required node affinity.</summary>
public class TracePodTests
{
    private static TracePod Row(int gpus, int milli, params string[] models) =>
        new() { Name = "p", CpuMilli = 6000, MemoryMib = 12288, GpuCount = gpus, GpuMilli = milli, GpuModels = models };

    [Fact]
    public void A_share_of_one_gpu_asks_for_gpu_milli()
    {
        var pod = Row(1, 460).ToPod("p");
        Assert.Equal(460, pod.Requests.Get(ResourceNames.GpuMilli));
        Assert.Equal(0, pod.Requests.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(6000, pod.Requests.Get(ResourceNames.Cpu));
        Assert.Equal(12288L * 1024 * 1024, pod.Requests.Get(ResourceNames.Memory));
        Assert.Equal(new GpuDemand(0, 460), GpuDemand.Of(pod));
        Assert.Equal("default-scheduler", pod.Spec.SchedulerName);
    }

    [Fact]
    public void Whole_gpus_ask_for_nvidia_gpu_with_limits_equal_to_requests()
    {
        var pod = Row(8, 1000).ToPod("p");
        Assert.Equal(8, pod.Requests.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(0, pod.Requests.Get(ResourceNames.GpuMilli));
        Assert.Equal(8, pod.Spec.Containers[0].Limits.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(8000, Row(8, 1000).TotalGpuMilli);
    }

    [Fact]
    public void A_cpu_only_pod_asks_for_no_gpu_and_has_no_affinity()
    {
        var pod = Row(0, 0).ToPod("p");
        Assert.True(GpuDemand.Of(pod).IsNone);
        Assert.Same(NodeAffinity.None, pod.Spec.Affinity);
    }

    [Fact]
    public void Gpu_spec_is_a_required_affinity_on_the_gpu_product_label()
    {
        var pod = Row(1, 1000, "V100M16", "V100M32").ToPod("p");
        var term = Assert.Single(pod.Spec.Affinity.Required!);
        var requirement = Assert.Single(term.MatchExpressions);
        Assert.Equal(AcceleratorLabels.GpuProduct, requirement.Key);
        Assert.Equal(NodeSelectorOperator.In, requirement.Operator);
        Assert.Equal(["V100M16", "V100M32"], requirement.Values);
    }
}
