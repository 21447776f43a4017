using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Scheduling.Fragmentation;

namespace Simulator.Cluster.Tests.Metrics;

public class TraceAllocationRecorderTests
{
    /// <summary>
    /// The fragmentation rate of each sample is the sum of every node's fragmentation over the
    /// idle GPU thousandths, exactly as recomputed from scratch, also after a node changed between
    /// two samples (the recorder reuses the terms of unchanged nodes).
    /// </summary>
    [Fact]
    public void Each_sample_sums_every_node_as_it_is_now()
    {
        var cache = new SchedulerCache(GpuNodes.Resources);
        foreach (var (name, gpus) in new[] { ("a", 2), ("b", 1) })
            cache.OnNode(WatchEventType.Added, new NodeBuilder(name).Cpu("8").Gpus(gpus).Resource(ResourceNames.GpuMilli, 1000L * gpus).Build());
        var share = new PodBuilder("share").Cpu("1").Resource(ResourceNames.GpuMilli, 300).Build();
        var whole = new PodBuilder("whole").Cpu("1").Gpus(1).Build();
        var target = TargetWorkload.FromPods([PodShape.Of(share), PodShape.Of(share), PodShape.Of(whole)], coverage: 1.0);
        var recorder = new TraceAllocationRecorder(3_000, cache, target);

        double Expected(long allocated)
        {
            double sum = 0;
            foreach (var node in cache.Nodes) sum += NodeFragmentation.Of(node, target);
            return sum / (3_000 - allocated);
        }

        recorder.Placed(0);
        recorder.Failed(100, "0/2 nodes are available: 2 Insufficient cpu.");
        double before = Expected(0);
        Assert.Equal(before, recorder.Samples[^1].FragmentationRate);

        var onA = new PodBuilder("on-a").Cpu("1").Resource(ResourceNames.GpuMilli, 500).Build();
        GpuNodes.Add(cache.Get("a")!, onA, 0);
        recorder.Placed(500);
        Assert.Equal(3, recorder.Samples.Count);
        Assert.Equal(Expected(500), recorder.Samples[^1].FragmentationRate);
        Assert.NotEqual(before, Expected(500));
    }
}
