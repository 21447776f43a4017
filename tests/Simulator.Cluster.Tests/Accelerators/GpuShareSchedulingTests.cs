using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Accelerators;

/// <summary>Fractional GPUs (ksim.dev/gpu-milli) and whole GPUs placed on physical GPUs by the default profile.</summary>
public class GpuShareSchedulingTests
{
    private static PodBuilder Share(string name, long milli) => new PodBuilder(name).Resource(ResourceNames.GpuMilli, milli);

    private static int[] UsedMilli(TestCluster cluster, string node) => cluster.Sim.Scheduler.Cache.Get(node)!.GpuUsedMilli.ToArray();

    [Fact]
    public void A_gpu_node_advertises_1000_milli_per_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(4), new NodeBuilder("cpu-1"));
        cluster.RunFor("1s");

        var gpu = cluster.Store.GetNode("gpu-1")!;
        Assert.Equal(4000, gpu.Status.Allocatable.Get(ResourceNames.GpuMilli));
        Assert.Equal(4000, gpu.Status.Capacity.Get(ResourceNames.GpuMilli));
        Assert.False(cluster.Store.GetNode("cpu-1")!.Status.Allocatable.Contains(ResourceNames.GpuMilli));
    }

    [Fact]
    public void Two_half_gpu_pods_share_one_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(2));
        var a = cluster.Create(Share("a", 500));
        var b = cluster.Create(Share("b", 500));
        cluster.RunFor("1s");

        Assert.Equal([0], a.Status.AssignedGpus);
        Assert.Equal([0], b.Status.AssignedGpus);
        Assert.Equal([1000, 0], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void A_0_6_and_a_0_5_share_no_gpu_so_on_one_gpu_the_second_stays_pending()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(1));
        var first = cluster.Create(Share("first", 600));
        var second = cluster.Create(Share("second", 500));
        cluster.RunFor("10m");

        Assert.True(first.IsBound);
        Assert.False(second.IsBound);
        Assert.Equal(PodPhase.Pending, second.Status.Phase);
        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient ksim.dev/gpu-milli. " +
            "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
            cluster.EventsFor(second, "FailedScheduling").Last().Message);
        Assert.Equal([600], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void Per_gpu_free_share_is_checked_even_when_the_node_total_would_fit()
    {
        // 2 x 600 leaves 800 free on the node, but only 400 on each GPU.
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(2));
        cluster.Create(Share("a", 600));
        cluster.Create(Share("b", 600));
        cluster.RunFor("1s");
        var c = cluster.Create(Share("c", 500));
        cluster.RunFor("1s");

        Assert.Equal([600, 600], UsedMilli(cluster, "gpu-1"));
        Assert.False(c.IsBound);
        Assert.StartsWith("0/1 nodes are available: 1 Insufficient ksim.dev/gpu-milli.", cluster.EventsFor(c, "FailedScheduling").Last().Message);
    }

    [Fact]
    public void A_one_gpu_pod_never_lands_on_a_partly_used_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(1));
        cluster.Create(Share("small", 100));
        cluster.RunFor("1s");
        var whole = cluster.Create(new PodBuilder("whole").Gpus(1));
        cluster.RunFor("10m");

        Assert.False(whole.IsBound);
        Assert.StartsWith("0/1 nodes are available: 1 Insufficient nvidia.com/gpu.", cluster.EventsFor(whole, "FailedScheduling").Last().Message);
    }

    [Fact]
    public void A_whole_gpu_pod_takes_the_lowest_indexed_free_gpus()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(4));
        var share = cluster.Create(Share("share", 300));
        cluster.RunFor("1s");
        var whole = cluster.Create(new PodBuilder("whole").Gpus(2));
        cluster.RunFor("1s");

        Assert.Equal([0], share.Status.AssignedGpus);
        Assert.Equal([1, 2], whole.Status.AssignedGpus);
        Assert.Equal([300, 1000, 1000, 0], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void A_share_goes_to_the_best_fit_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(3));
        // One at a time: 700 on GPU 0; 400 does not fit next to it, so GPU 1.
        var p0 = cluster.Create(Share("p0", 700));
        cluster.RunFor("1s");
        var p1 = cluster.Create(Share("p1", 400));
        cluster.RunFor("1s");
        Assert.Equal([0], p0.Status.AssignedGpus);
        Assert.Equal([1], p1.Status.AssignedGpus);
        // Free: GPU0 300, GPU1 600, GPU2 1000. A 250 share fits all three; the best fit is GPU 0.
        var p2 = cluster.Create(Share("p2", 250));
        cluster.RunFor("1s");
        Assert.Equal([0], p2.Status.AssignedGpus);
        // Free: 50, 600, 1000. A 500 share: GPU 1 (600) fits tighter than the empty GPU 2.
        var p3 = cluster.Create(Share("p3", 500));
        cluster.RunFor("1s");
        Assert.Equal([1], p3.Status.AssignedGpus);
        Assert.Equal([950, 900, 0], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void Finished_shares_free_their_gpu_for_a_whole_gpu_pod()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(1));
        cluster.Create(Share("short", 500).Runs("5m"));
        cluster.RunFor("1s");
        var whole = cluster.Create(new PodBuilder("whole").Gpus(1));
        cluster.RunFor("4m");
        Assert.False(whole.IsBound);
        cluster.RunFor("10m");

        Assert.True(whole.IsBound);
        Assert.Equal([0], whole.Status.AssignedGpus);
        Assert.Equal([1000], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void A_pod_with_node_name_gets_a_first_fit_gpu()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(2));
        var scheduled = cluster.Create(Share("scheduled", 700));
        cluster.RunFor("1s");
        var direct = cluster.Create(Share("direct", 200).OnNode("gpu-1"));
        cluster.RunFor("1s");

        Assert.Equal([0], scheduled.Status.AssignedGpus);
        Assert.Equal([0], direct.Status.AssignedGpus);
        Assert.Equal([900, 0], UsedMilli(cluster, "gpu-1"));
    }

    [Fact]
    public void Preemption_frees_the_gpu_a_low_priority_share_held()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("gpu-1").Gpus(1));
        var low = cluster.Create(Share("low", 600).Priority(0));
        cluster.RunFor("1s");
        var high = cluster.Create(Share("high", 500).Priority(100));
        cluster.RunFor("2m");

        Assert.True(low.IsTerminal || cluster.Store.GetPod(low.Key) is null);
        Assert.True(high.IsBound);
        Assert.Equal([500], UsedMilli(cluster, "gpu-1"));
    }
}
