using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads.Traces;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads.Traces;

/// <summary>
/// A TraceReplay on tiny clusters whose GPU allocation is computed by hand: fill mode tries each
/// pod once, deletes the ones that do not fit, and samples allocation at each whole percent of
/// arrived workload; replay mode creates and deletes pods at the trace's times.
/// </summary>
public class TraceReplayerTests
{
    private static NodeBuilder GpuNode(string name, int gpus) =>
        new NodeBuilder(name).Cpu("32").Memory("128Gi").Gpus(gpus).Label(AcceleratorLabels.GpuProduct, "T4");

    private static TracePod Row(string name, int gpus, int milli, long created = 0, long deleted = 0) => new()
    {
        Name = name, CpuMilli = 1000, MemoryMib = 1024, GpuCount = gpus, GpuMilli = milli,
        CreationSeconds = created, DeletionSeconds = deleted,
    };

    private static (TestCluster Cluster, RunResult Result) Fill(TracePod row, int percent, params NodeBuilder[] nodes)
    {
        var cluster = new TestCluster().Nodes(nodes);
        cluster.Sim.AddTraceReplay(new TraceReplay { Name = "t", Mode = ReplayMode.Fill, FillToPercent = percent, Pods = [row] });
        return (cluster, cluster.Sim.Run(null));
    }

    [Fact]
    public void Whole_gpu_pods_fill_three_gpus_then_each_further_pod_fails_once_and_is_deleted()
    {
        // 3 GPUs = 3,000 milli; 200 % = 6 one-GPU pods: 3 placed, 3 fail.
        var (cluster, result) = Fill(Row("w", 1, 1000), 200, GpuNode("gpu-0", 2), GpuNode("gpu-1", 1));

        var expected = new AllocationSample[]
        {
            new(33, 1 / 3.0, 2, null, 1, 0),
            new(66, 2 / 3.0, 1, null, 2, 0),
            new(100, 1, 0, null, 3, 0),
            new(133, 1, 0, null, 4, 1),
            new(166, 1, 0, null, 5, 2),
            new(200, 1, 0, null, 6, 3),
        };
        Assert.Equal(expected, result.Allocation);

        Assert.Equal(["w", "w-copy-0", "w-copy-1", "w-copy-2", "w-copy-3", "w-copy-4"], result.Pods.Select(p => p.Name));
        var failed = result.Pods.Skip(3).ToList();
        Assert.All(failed, p =>
        {
            Assert.Equal(1, p.FailedSchedulingAttempts);
            Assert.Equal(SimTime.Zero, p.Deleted);
            Assert.Null(p.Scheduled);
        });
        Assert.Equal(3, result.Events.Count(e => e.Reason == "FailedScheduling"));
        Assert.StartsWith("0/2 nodes are available: 2 Insufficient nvidia.com/gpu.",
            result.Events.First(e => e.Reason == "FailedScheduling").Message, StringComparison.Ordinal);
        // No departures: the placed pods still run.
        Assert.Equal(3, cluster.Store.PodCount);
        Assert.All(cluster.Store.Pods, p => Assert.Equal(PodPhase.Running, p.Status.Phase));

        var summary = result.Summary.TraceReplay!;
        Assert.Equal("fill", summary.Mode);
        Assert.Equal(6, summary.PodsSubmitted);
        Assert.Equal(3, summary.FailedPods);
        Assert.Equal([new FailureReasonCount("Insufficient nvidia.com/gpu", 3)], summary.FailedByReason);
        // Each reported percent takes the first sample at or above it.
        Assert.Equal([90, 100, 110, 120, 130], summary.AtArrivedPercent.Select(s => s.ArrivedPercent));
        Assert.Equal([3, 3, 4, 4, 4], summary.AtArrivedPercent.Select(s => s.ArrivedPods));
        Assert.Equal([0, 0, 1, 1, 1], summary.AtArrivedPercent.Select(s => s.FailedPods));
    }

    [Fact]
    public void Shares_of_one_gpu_count_their_milli_and_fail_on_gpu_milli()
    {
        // One GPU; 400-milli shares to 100 %: 400 and 800 fit, the third needs 400 of the 200 left.
        var (_, result) = Fill(Row("s", 1, 400), 100, GpuNode("gpu-0", 1));
        Assert.Equal(
            [new AllocationSample(40, 0.4, 0.6, null, 1, 0), new AllocationSample(80, 0.8, 0.2, null, 2, 0), new AllocationSample(120, 0.8, 0.2, null, 3, 1)],
            result.Allocation.Select(s => s with { GpuAllocationRatio = Math.Round(s.GpuAllocationRatio, 9), UnallocatedGpus = Math.Round(s.UnallocatedGpus, 9) }));
        Assert.Equal([new FailureReasonCount("Insufficient ksim.dev/gpu-milli", 1)], result.Summary.TraceReplay!.FailedByReason);
    }

    [Fact]
    public void Replay_creates_and_deletes_pods_at_the_trace_times()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", 2));
        cluster.Sim.AddTraceReplay(new TraceReplay
        {
            Name = "t",
            Pods = [Row("early", 1, 1000, created: 10, deleted: 100), Row("kept", 1, 500, created: 50)],
        });
        cluster.RunTo("9s");
        Assert.Equal(0, cluster.Store.PodCount);
        cluster.RunTo("10s");
        var early = Assert.Single(cluster.Store.Pods);
        Assert.Equal(TestCluster.At("10s"), early.Metadata.CreationTimestamp);
        cluster.RunTo("99s");
        Assert.False(early.IsTerminating);
        Assert.Equal(2, cluster.Store.PodCount);
        cluster.RunTo("100s");
        Assert.Equal(TestCluster.At("100s"), early.Metadata.DeletionTimestamp);
        var kept = cluster.Store.GetPod("default/kept")!;
        Assert.Equal(TestCluster.At("50s"), kept.Metadata.CreationTimestamp);
        Assert.Equal(500, kept.Requests.Get(ResourceNames.GpuMilli));
        cluster.RunTo("1h");
        Assert.Null(cluster.Store.GetPod("default/early"));
        Assert.False(kept.IsTerminating);
        Assert.Empty(cluster.Sim.Traces.Allocation?.Samples ?? []);
        Assert.Equal(("replay", 2), (cluster.Sim.Traces.Summarize()!.Mode, cluster.Sim.Traces.Summarize()!.PodsSubmitted));
    }
}
