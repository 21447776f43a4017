using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// scale-down-utilization-threshold 0.5: a node is a candidate only below it. A CPU node's
/// utilization is max(CPU, memory) requests over allocatable; a GPU node's is its GPU requests
/// alone (scale-down-gpu-utilization-threshold), whatever its CPU.
/// </summary>
public class AutoscalerUtilizationTests
{
    /// <summary>Two 10-CPU nodes, one replica of <paramref name="cpu"/> (and <paramref name="memory"/>) on each.</summary>
    private static TestCluster TwoNodesOneReplicaEach(string cpu, string memory = "0")
    {
        var cluster = NewCluster().Pools(Pool("cpu", 0, 4, count: 2, cpu: 10, memoryGi: 32)).StartAutoscaler();
        cluster.CreateReplicaSet("web", 2, Template("web", cpu, memory));
        cluster.RunTo("5s");
        var nodes = cluster.LivePods("web").Select(p => p.Spec.NodeName).Order(StringComparer.Ordinal);
        Assert.Equal(["cpu-0", "cpu-1"], nodes);
        return cluster;
    }

    [Fact]
    public void A_node_at_0_49_cpu_is_removed_and_its_replica_moves_to_the_other()
    {
        // 4.9 of 10 CPU on each: cpu-0 (first in order) is unneeded from 10 s, its replica fits cpu-1
        // (9.8 of 10); cpu-1 is not, as its replica could only go to cpu-0, already being removed.
        var cluster = TwoNodesOneReplicaEach("4900m");
        cluster.RunTo("609s");
        Assert.DoesNotContain(cluster.AutoscalerEvents("ScaleDown"), e => e.ObjectKind == "ConfigMap");
        cluster.RunTo("610s");
        var start = Assert.Single(cluster.AutoscalerEvents("ScaleDown"), e => e.ObjectKind == "ConfigMap");
        Assert.StartsWith("Scale-down: removing node cpu-0, utilization: 0.49, pods to reschedule: web-", start.Message);
        cluster.RunTo("30m");
        Assert.Equal(["cpu-1"], cluster.NodeNames());
        Assert.Equal(["cpu-0"], cluster.Removals().Select(r => r.Node));
        var live = cluster.LivePods("web");
        Assert.Equal(2, live.Count);
        Assert.All(live, p => Assert.Equal("cpu-1", p.Spec.NodeName));
    }

    [Fact]
    public void A_node_at_0_5_cpu_is_not_a_candidate_even_though_both_replicas_would_fit_one_node()
    {
        var cluster = TwoNodesOneReplicaEach("5");
        cluster.RunTo("30m");
        Assert.Empty(cluster.Removals());
        Assert.Empty(cluster.AutoscalerEvents("ScaleDown"));
        Assert.Equal(["cpu-0", "cpu-1"], cluster.NodeNames());
    }

    [Fact]
    public void Memory_counts_too_a_node_at_0_1_cpu_and_0_5_memory_stays()
    {
        var cluster = TwoNodesOneReplicaEach("1", "16Gi");
        cluster.RunTo("30m");
        Assert.Empty(cluster.Removals());
    }

    [Fact]
    public void A_node_at_0_1_cpu_and_0_49_memory_goes()
    {
        // 15.68 GiB of 32: 0.49.
        var cluster = TwoNodesOneReplicaEach("1", "16056Mi");
        cluster.RunTo("30m");
        Assert.Equal(["cpu-0"], cluster.Removals().Select(r => r.Node));
    }

    [Fact]
    public void A_gpu_node_with_1_of_4_gpus_requested_but_90_percent_cpu_is_removed_when_its_pod_can_move()
    {
        // gpu-1 holds a bare pod of 2 GPUs and 1 CPU (GPU utilization 0.5: never a candidate); the
        // replica on gpu-0 asks 1 GPU and 9 of 10 CPUs: GPU utilization 0.25 < 0.5, and it fits gpu-1
        // (3 of 4 GPUs, 10 of 10 CPUs).
        var cluster = NewCluster().Pools(Pool("gpu", 0, 4, count: 2, cpu: 10, memoryGi: 64, gpus: 4)).StartAutoscaler();
        var anchor = cluster.Create(new PodBuilder("anchor").Cpu("1").Gpus(2).NodeSelector("kubernetes.io/hostname", "gpu-1"));
        cluster.CreateReplicaSet("train", 1, Template("train", "9", gpus: 1, preferNode: "gpu-0"));
        cluster.RunTo("5s");
        Assert.Equal("gpu-0", Assert.Single(cluster.LivePods("train")).Spec.NodeName);

        cluster.RunTo("30m");
        Assert.Equal(["gpu-0"], cluster.Removals().Select(r => r.Node));
        Assert.Equal(Seconds(610), cluster.AutoscalerEvents("ScaleDown").First(e => e.ObjectKind == "ConfigMap").Time);
        Assert.Equal("gpu-1", Assert.Single(cluster.LivePods("train")).Spec.NodeName);
        Assert.Equal("gpu-1", anchor.Spec.NodeName);
    }

    [Fact]
    public void A_gpu_node_with_2_of_4_gpus_requested_and_little_cpu_stays_though_its_pod_could_move()
    {
        // gpu-0: one replica of 2 GPUs and 0.1 CPU (GPU utilization 0.5); gpu-1: empty, removed at 610 s.
        var cluster = NewCluster().Pools(Pool("gpu", 0, 4, count: 2, cpu: 10, memoryGi: 64, gpus: 4)).StartAutoscaler();
        cluster.CreateReplicaSet("train", 1, Template("train", "100m", gpus: 2, preferNode: "gpu-0"));
        cluster.RunTo("30m");
        Assert.Equal([("gpu-1", Seconds(610))], cluster.Removals());
        Assert.Equal("gpu-0", Assert.Single(cluster.LivePods("train")).Spec.NodeName);
    }
}
