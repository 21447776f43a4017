using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// A GPU node the autoscaler adds registers Ready without GPUs; they become allocatable after the
/// pool's gpuReadyDelay (the driver and device plugin starting). Until then CA counts the node as
/// upcoming, so the pod waiting for it causes no second scale-up, and the pod lands only after.
/// </summary>
public class AutoscalerGpuTests
{
    [Fact]
    public void Gpus_become_allocatable_after_the_gpu_ready_delay_and_the_pod_lands_only_then()
    {
        // A GPU pod waits 30 s (CA's unschedulablePodWithGpuTimeBuffer): not at the 10 s and 20 s
        // scans, requested at 30 s; registered at 30 s + 2 min = 150 s, GPUs at 150 s + 5 min = 450 s.
        var cluster = NewCluster().Pools(Pool("gpu", 0, 3, gpus: 4, provisioning: "2m", gpuReady: "5m")).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("train").Cpu("2").Gpus(2));
        cluster.RunTo("29s");
        Assert.Empty(cluster.AutoscalerEvents("ScaledUpGroup"));
        cluster.RunTo("30s");
        Assert.Equal(Seconds(30), Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup")).Time);
        cluster.RunTo("150s");

        var node = Assert.Single(cluster.Store.Nodes);
        Assert.Equal("gpu-0", node.Name);
        Assert.True(node.Status.IsReady());
        Assert.Equal(0, node.Status.Allocatable.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(0, node.Status.Capacity.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(8_000, node.Status.Allocatable.Get(ResourceNames.Cpu));

        cluster.RunTo("449s");
        Assert.False(pod.IsBound);
        // The node without GPUs yet counts as upcoming: the pod never asks for a second one.
        Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Empty(cluster.EventsFor(pod, "NotTriggerScaleUp"));

        cluster.RunTo("450s");
        Assert.Equal(4, node.Status.Allocatable.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(4, node.Status.Capacity.Get(ResourceNames.NvidiaGpu));
        cluster.RunTo("8m");
        Assert.Equal("gpu-0", pod.Spec.NodeName);
        var scheduled = cluster.RecordOf(pod).Scheduled!.Value;
        Assert.True(scheduled >= Seconds(450), $"bound at {scheduled}, before the GPUs were allocatable");
        Assert.Single(cluster.AutoscalerEvents("ScaledUpGroup"));
    }

    [Fact]
    public void A_gpu_node_waiting_for_its_gpus_is_not_removed_as_empty()
    {
        // Registered at 70 s, GPUs at 70 s + 20 min = 1270 s: longer than scale-down-unneeded-time.
        // The node is on its way, not unneeded.
        var cluster = NewCluster().Pools(Pool("gpu", 0, 3, gpus: 4, provisioning: "1m", gpuReady: "20m")).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("train").Cpu("2").Gpus(1));
        cluster.RunTo("1269s");
        Assert.False(pod.IsBound);
        Assert.Empty(cluster.Removals());
        cluster.RunTo("22m");
        Assert.Empty(cluster.Removals());
        Assert.Equal(["gpu-0"], cluster.NodeNames());
        Assert.Equal("gpu-0", pod.Spec.NodeName);
    }

    [Fact]
    public void A_cpu_pool_node_registers_with_its_resources_at_once()
    {
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, provisioning: "1m", gpuReady: "5m")).StartAutoscaler();
        var pod = cluster.Create(new PodBuilder("web").Cpu("2"));
        cluster.RunTo("75s");
        Assert.Equal("cpu-0", pod.Spec.NodeName);
    }
}
