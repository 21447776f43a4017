using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>
/// The fastest-accelerator score against Gavel's table: single-GPU rates (steps/s) ResNet-50 at
/// batch size 16 ("resnet50"): V100 11.396, P100 9.053, K80 2.301; Recommendation at batch size
/// 512 ("recommendation"): P100 48.882, K80 32.859, V100 23.318 (older GPUs are faster here).
/// </summary>
public class FastestAcceleratorTests
{
    private const string Product = "nvidia.com/gpu.product";

    private static NodeBuilder GpuNode(string name, string product, int gpus = 4) =>
        new NodeBuilder(name).Cpu("32").Memory("128Gi").Gpus(gpus).Label(Product, product);

    private static Pod Trainer(string name, string model, int gpus = 1, int workers = 1, string cpu = "1")
    {
        var pod = new PodBuilder(name).Cpu(cpu).Gpus(gpus).Build();
        return new Pod
        {
            Metadata = pod.Metadata,
            Spec = pod.Spec,
            Workload = pod.Workload with { Training = new TrainingSpec { Model = model, Steps = 1000, Workers = workers } },
        };
    }

    private static long[] Scores(Pod pod, params NodeBuilder[] nodes)
    {
        var index = new ResourceIndex();
        var plugin = new FastestAccelerator(ThroughputTable.Default);
        var infos = nodes.Select(n => new NodeInfo(n.Build(), index)).ToList();
        var podInfo = new PodInfo(pod, index);
        Assert.Equal(StatusCode.Success, plugin.PreScore(podInfo, infos).Code);
        return [.. infos.Select(n => plugin.Score(podInfo, n))];
    }

    [Fact]
    public void ResNet50_scores_each_type_by_its_rate_relative_to_the_fastest()
    {
        var scores = Scores(Trainer("p", "resnet50"),
            GpuNode("v100", "Tesla-V100-SXM2-16GB"), GpuNode("p100", "Tesla-P100-PCIE-16GB"), GpuNode("k80", "Tesla-K80"),
            GpuNode("a100", "NVIDIA-A100-SXM4-40GB"), new NodeBuilder("cpu"));
        // round(100 x 9.053 / 11.396) = 79, round(100 x 2.301 / 11.396) = 20; no A100 row, no GPUs: 0.
        Assert.Equal([100, 79, 20, 0, 0], scores);
    }

    [Fact]
    public void Recommendation_scores_K80_above_V100()
    {
        var scores = Scores(Trainer("p", "recommendation"),
            GpuNode("v100", "Tesla-V100-SXM2-16GB"), GpuNode("p100", "Tesla-P100-PCIE-16GB"), GpuNode("k80", "Tesla-K80"));
        // 23.318 / 48.882 = 0.477, 32.859 / 48.882 = 0.672.
        Assert.Equal([48, 100, 67], scores);
    }

    [Fact]
    public void A_data_parallel_job_is_scored_by_the_rate_for_all_its_accelerators()
    {
        // ResNet-50 at batch size 16 on 2 GPUs: P100 16.191 beats V100 13.860, unlike on one GPU.
        var scores = Scores(Trainer("p", "resnet50", gpus: 1, workers: 2),
            GpuNode("v100", "Tesla-V100-SXM2-16GB"), GpuNode("p100", "Tesla-P100-PCIE-16GB"));
        Assert.Equal([86, 100], scores);
    }

    [Fact]
    public void Scoring_allocates_nothing_once_the_job_kind_and_labels_are_known()
    {
        var index = new ResourceIndex();
        var plugin = new FastestAccelerator(ThroughputTable.Default);
        var nodes = new List<NodeInfo>
        {
            new(GpuNode("v100", "Tesla-V100-SXM2-16GB").Build(), index),
            new(GpuNode("k80", "Tesla-K80").Build(), index),
            new(new NodeBuilder("cpu").Build(), index),
        };
        var first = new PodInfo(Trainer("first", "resnet50"), index);
        var second = new PodInfo(Trainer("second", "resnet50"), index);
        // The first pod of a kind fills the caches; the other rounds let the runtime finish its
        // one-time work on first calls (88 bytes in all), which is not the plugin's.
        for (int round = 0; round < 100; round++)
        {
            plugin.PreScore(first, nodes);
            foreach (var n in nodes) plugin.Score(first, n);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long total = 0;
        for (int round = 0; round < 100; round++)
        {
            plugin.PreScore(second, nodes);
            foreach (var n in nodes) total += plugin.Score(second, n);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100 * (100 + 20), total);
    }

    [Fact]
    public void Pods_that_do_not_train_skip_the_plugin()
    {
        var index = new ResourceIndex();
        var node = new NodeInfo(GpuNode("v100", "Tesla-V100-SXM2-16GB").Build(), index);
        var pod = new PodInfo(new PodBuilder("web").Cpu("1").Build(), index);
        Assert.Equal(StatusCode.Skip, new FastestAccelerator(ThroughputTable.Default).PreScore(pod, [node]).Code);
    }

    [Fact]
    public void The_profile_weighs_the_score_above_every_default_score_together()
    {
        var profile = Cluster.Scheduling.Profiles.ProfileCatalog.Create("fastest-accelerator",
            new Cluster.Scheduling.Profiles.ProfileContext(new ResourceIndex(), (_, _) => Status.Success, p => new PodInfo(p, new ResourceIndex()), ThroughputTable.Default));
        var others = profile.Scores.Where(s => s.Plugin is not FastestAccelerator).Sum(s => s.Weight * 100L);
        var fastest = Assert.Single(profile.Scores, s => s.Plugin is FastestAccelerator);
        Assert.Equal(others + 1, fastest.Weight);
        Assert.Contains(profile.PreScores, p => p is FastestAccelerator);
    }

    [Theory]
    [InlineData("resnet50", "v100")]
    [InlineData("recommendation", "k80")]
    public void The_pod_lands_on_the_faster_type_even_where_the_default_scores_prefer_the_other(string model, string expected)
    {
        var cluster = new TestCluster(profile: "fastest-accelerator").Nodes(
            GpuNode("v100", "Tesla-V100-SXM2-16GB"), GpuNode("k80", "Tesla-K80"));
        // Half of each node's CPU is taken by a pod without GPUs, the V100 node's a little more, so
        // that least-allocated and balanced allocation both prefer the K80 node.
        cluster.Create(new PodBuilder("busy-v100").Cpu("20").OnNode("v100"));
        cluster.Create(new PodBuilder("busy-k80").Cpu("16").OnNode("k80"));
        cluster.RunFor("1s");
        var pod = Trainer("train", model);
        cluster.Store.CreatePod(pod);
        cluster.RunFor("1s");
        Assert.Equal(expected, pod.Spec.NodeName);
    }

    [Fact]
    public void Under_the_default_profile_the_same_pod_follows_the_default_scores()
    {
        var cluster = new TestCluster().Nodes(GpuNode("v100", "Tesla-V100-SXM2-16GB"), GpuNode("k80", "Tesla-K80"));
        cluster.Create(new PodBuilder("busy-v100").Cpu("20").OnNode("v100"));
        cluster.Create(new PodBuilder("busy-k80").Cpu("16").OnNode("k80"));
        cluster.RunFor("1s");
        var pod = Trainer("train", "resnet50");
        cluster.Store.CreatePod(pod);
        cluster.RunFor("1s");
        Assert.Equal("k80", pod.Spec.NodeName);
    }
}
