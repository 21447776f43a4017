using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>Score plugins' integer formulas against hand-computed values (reference fact 7).</summary>
public class ScoringTests
{
    private static (PodInfo Pod, NodeInfo Node, ResourceIndex Index) Setup(NodeBuilder node, PodBuilder pod, params PodBuilder[] existing)
    {
        var index = new ResourceIndex();
        var nodeInfo = new NodeInfo(node.Build(), index);
        foreach (var e in existing)
        {
            var p = e.Build();
            nodeInfo.AddPod(p, new PodInfo(p, index));
        }
        return (new PodInfo(pod.Build(), index), nodeInfo, index);
    }

    [Theory]
    [InlineData(ScoringStrategyType.LeastAllocated, 75)]
    [InlineData(ScoringStrategyType.MostAllocated, 25)]
    public void Fact7_fit_strategies_on_4cpu_16gi_with_1cpu_4gi_requested(ScoringStrategyType strategy, long expected)
    {
        var (pod, node, index) = Setup(new NodeBuilder("n").Cpu("4").Memory("16Gi"), new PodBuilder("p").Cpu("1").Memory("4Gi"));
        var plugin = new NodeResourcesFit(index, strategy, NodeResourcesFit.DefaultResources);
        Assert.Equal(expected, plugin.Score(pod, node));
    }

    [Fact]
    public void Fact7_balanced_allocation_at_cpu_50_and_memory_10_percent_scores_80()
    {
        var (pod, node, index) = Setup(new NodeBuilder("n").Cpu("4").Memory("10Gi"), new PodBuilder("p").Cpu("1").Memory("512Mi"),
            new PodBuilder("existing").Cpu("1").Memory("512Mi"));
        Assert.Equal(80, new NodeResourcesBalancedAllocation(index).Score(pod, node));
    }

    [Fact]
    public void Balanced_allocation_skips_pods_that_request_no_cpu_or_memory()
    {
        var (pod, node, index) = Setup(new NodeBuilder("n"), new PodBuilder("best-effort"));
        Assert.Equal(StatusCode.Skip, new NodeResourcesBalancedAllocation(index).PreScore(pod, [node]).Code);
    }

    [Fact]
    public void Least_allocated_counts_a_pod_without_requests_as_100m_and_200Mi()
    {
        // Non-zero defaults: (4000-100)*100/4000 = 97 for cpu; (16Gi-200Mi)*100/16Gi = 98 for memory; mean 97.
        var (pod, node, index) = Setup(new NodeBuilder("n").Cpu("4").Memory("16Gi"), new PodBuilder("p"));
        Assert.Equal(97, new NodeResourcesFit(index, ScoringStrategyType.LeastAllocated, NodeResourcesFit.DefaultResources).Score(pod, node));
    }

    [Fact]
    public void An_extended_resource_the_pod_does_not_request_is_left_out_of_the_score()
    {
        var (pod, node, index) = Setup(new NodeBuilder("n").Cpu("4").Memory("16Gi").Gpus(8), new PodBuilder("p").Cpu("1").Memory("4Gi"));
        var weights = new[] { new ResourceWeight("cpu", 1), new ResourceWeight("memory", 1), new ResourceWeight("nvidia.com/gpu", 5) };
        Assert.Equal(75, new NodeResourcesFit(index, ScoringStrategyType.LeastAllocated, weights).Score(pod, node));
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0 }, true, new long[] { 100, 100, 100 })]
    [InlineData(new long[] { 0, 1, 2 }, true, new long[] { 100, 50, 0 })]
    [InlineData(new long[] { 0, 3, 10 }, false, new long[] { 0, 30, 100 })]
    [InlineData(new long[] { 0, 0 }, false, new long[] { 0, 0 })]
    public void Default_normalize_score(long[] raw, bool reverse, long[] expected)
    {
        ScoreNormalizer.Default(raw, reverse);
        Assert.Equal(expected, raw);
    }

    [Fact]
    public void Taint_toleration_counts_untolerated_prefer_no_schedule_taints()
    {
        var (pod, node, _) = Setup(new NodeBuilder("n")
            .Taint("a", "1", TaintEffect.PreferNoSchedule)
            .Taint("b", "1", TaintEffect.PreferNoSchedule)
            .Taint("c", "1", TaintEffect.NoSchedule), new PodBuilder("p").Tolerate("a"));
        Assert.Equal(1, new TaintToleration().Score(pod, node));
    }

    [Fact]
    public void Node_affinity_sums_matching_preferred_weights()
    {
        var (pod, node, _) = Setup(new NodeBuilder("n").Label("zone", "a").Label("disk", "ssd"),
            new PodBuilder("p").Prefer(10, "zone", "a").Prefer(5, "disk", "ssd").Prefer(50, "disk", "hdd"));
        Assert.Equal(15, new Simulator.Cluster.Scheduling.Plugins.NodeAffinity().Score(pod, node));
    }
}
