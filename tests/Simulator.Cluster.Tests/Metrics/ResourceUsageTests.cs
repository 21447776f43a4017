using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>What running pods use, against what they request: utilization's numerator.</summary>
public sealed class ResourceUsageTests
{
    private sealed class FixedCpu(long milli) : IPodMetrics
    {
        public bool TryGetCpuUsage(Pod pod, out long milliCpu)
        {
            milliCpu = milli;
            return true;
        }

        public bool TryGetRequestsPerSecond(Pod pod, out double rate)
        {
            rate = 0;
            return false;
        }
    }

    [Fact]
    public void Batch_pods_use_their_request_serving_pods_their_busy_share_gpu_pods_their_gpus_unless_their_training_waits()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("n1").Cpu("16").Gpus(4));
        var batch = cluster.Create(new PodBuilder("batch").Cpu("2"));
        var web = cluster.Create(new PodBuilder("web").Cpu("4").Serves("10ms"));
        var gpu = cluster.Create(new PodBuilder("gpu").Cpu("1").Gpus(2));
        var waiting = cluster.Create(new PodBuilder("waiting").Cpu("1").Gpus(1));
        cluster.RunTo("1m");
        Assert.All(new[] { batch, web, gpu, waiting }, p => Assert.Equal(PodPhase.Running, p.Status.Phase));

        // The serving pod reports 1.5 cores busy; "waiting" stands for a gang worker whose job is not training.
        var usage = new ResourceUsage(cluster.Store, () => new FixedCpu(1500), p => p.Name == "waiting" ? false : null);
        var used = usage.Now();

        Assert.Equal(2000 + 1500 + 1000 + 1000, used["cpu"]);
        Assert.Equal(2, used["nvidia.com/gpu"]);
    }

    [Fact]
    public void A_failed_node_s_pods_use_nothing()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("n1").Cpu("8"));
        cluster.Create(new PodBuilder("batch").Cpu("2"));
        cluster.Sim.Faults.Schedule(new Simulator.Cluster.Faults.FailNode(SimTime.Zero + SimDuration.FromMinutes(1), "n1"));
        cluster.RunTo("5m");
        var used = new ResourceUsage(cluster.Store, () => null, _ => null).Now();
        Assert.Equal(0, used["cpu"]);
    }
}
