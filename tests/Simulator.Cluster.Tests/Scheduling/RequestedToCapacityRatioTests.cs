using FsCheck.Xunit;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>
/// NodeResourcesFit's RequestedToCapacityRatio strategy (requested_to_capacity_ratio.go and
/// helper/shape_score.go), against hand-computed scores.
/// </summary>
public class RequestedToCapacityRatioTests
{
    private static readonly UtilizationShapePoint[] BinPacking = [new(0, 0), new(100, 10)];
    private static readonly UtilizationShapePoint[] Spreading = [new(0, 10), new(100, 0)];

    private static long Score(NodeBuilder node, PodBuilder pod, UtilizationShapePoint[] shape, params ResourceWeight[] resources)
    {
        var index = new ResourceIndex();
        var nodeInfo = new NodeInfo(node.Build(), index);
        var args = new NodeResourcesFitArgs(ScoringStrategyType.RequestedToCapacityRatio,
            resources.Length > 0 ? resources : NodeResourcesFit.DefaultResources, shape);
        return NodeResourcesFit.Create(index, args).Score(new PodInfo(pod.Build(), index), nodeInfo);
    }

    [Fact]
    public void Bin_packing_shape_scores_utilization_and_spreading_shape_its_complement()
    {
        // cpu 1/4 and memory 4Gi/16Gi: u = 25 for both. Shape scores x10: (0,0)-(100,100) gives 25,
        // (0,100)-(100,0) gives 100 - 100*25/100 = 75; the mean of equal scores is that score.
        var node = new NodeBuilder("n").Cpu("4").Memory("16Gi");
        var pod = new PodBuilder("p").Cpu("1").Memory("4Gi");
        Assert.Equal(25, Score(node, pod, BinPacking));
        Assert.Equal(75, Score(node, pod, Spreading));
    }

    [Fact]
    public void The_weighted_mean_is_rounded_half_away_from_zero()
    {
        // cpu u = 1000*100/3000 = 33, memory u = 24Gi*100/100Gi = 24: (33 + 24) / 2 = 28.5 -> 29
        // (LeastAllocated's integer division would give 28).
        var node = new NodeBuilder("n").Cpu("3").Memory("100Gi");
        var pod = new PodBuilder("p").Cpu("1").Memory("24Gi");
        Assert.Equal(29, Score(node, pod, BinPacking));
        // Weights cpu 1, memory 2: (33 + 2*24) / 3 = 27 exactly; cpu 2, memory 1: (66 + 24) / 3 = 30.
        Assert.Equal(27, Score(node, pod, BinPacking, new("cpu", 1), new("memory", 2)));
        Assert.Equal(30, Score(node, pod, BinPacking, new("cpu", 2), new("memory", 1)));
    }

    [Fact]
    public void A_resource_that_scores_zero_is_left_out_of_the_mean()
    {
        // cpu: 100m of 1000 CPUs, u = 100*100/1000000 = 0 -> score 0, skipped;
        // memory u = 25 -> 25. The mean is 25, not (0 + 25) / 2 = 12.
        var node = new NodeBuilder("n").Cpu("1000").Memory("16Gi");
        var pod = new PodBuilder("p").Cpu("100m").Memory("4Gi");
        Assert.Equal(25, Score(node, pod, BinPacking));
    }

    [Fact]
    public void A_falling_segment_truncates_toward_zero_as_go_does()
    {
        // Shape (0,10)-(30,0): at u = 10, 100 + (0-100)*(10-0)/(30-0) = 100 + (-1000/30 = -33) = 67
        // (floor division would give 66). Beyond the last point (u = 50) the last score, 0, is skipped.
        UtilizationShapePoint[] shape = [new(0, 10), new(30, 0)];
        Assert.Equal(67, ScoringStrategies.BrokenLinear(Scaled(shape), 10));
        var node = new NodeBuilder("n").Cpu("10").Memory("16Gi");
        var pod = new PodBuilder("p").Cpu("1").Memory("8Gi"); // cpu u = 10 -> 67, memory u = 50 -> 0 (skipped)
        Assert.Equal(67, Score(node, pod, shape));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(25, 50)]
    [InlineData(50, 100)]
    [InlineData(75, 50)]
    [InlineData(100, 0)]
    public void A_peaked_shape_interpolates_each_segment(long utilization, long expected)
    {
        UtilizationShapePoint[] shape = [new(0, 0), new(50, 10), new(100, 0)];
        Assert.Equal(expected, ScoringStrategies.BrokenLinear(Scaled(shape), utilization));
    }

    [Fact]
    public void Before_the_first_point_the_shape_is_flat_and_over_requested_counts_as_full()
    {
        UtilizationShapePoint[] shape = [new(20, 2), new(80, 8)];
        Assert.Equal(20, ScoringStrategies.BrokenLinear(Scaled(shape), 5));
        Assert.Equal(80, ScoringStrategies.BrokenLinear(Scaled(shape), 95));
        // requested > allocatable: utilization 100, not 150.
        Assert.Equal(80, ScoringStrategies.RequestedToCapacityRatio(shape)(150, 100));
        Assert.Equal(20, ScoringStrategies.RequestedToCapacityRatio(shape)(10, 100));
    }

    [Fact]
    public void An_extended_resource_the_pod_does_not_request_is_left_out()
    {
        // GPUs weighted 5 but not requested: cpu 25 and memory 25 alone decide.
        var node = new NodeBuilder("n").Cpu("4").Memory("16Gi").Gpus(8);
        var pod = new PodBuilder("p").Cpu("1").Memory("4Gi");
        Assert.Equal(25, Score(node, pod, BinPacking, new("cpu", 1), new("memory", 1), new("nvidia.com/gpu", 5)));
        // Requested, 6 of 8 GPUs is u = 75: (25 + 25 + 5*75) / 7 = 60.7 -> 61.
        Assert.Equal(61, Score(node, new PodBuilder("p").Cpu("1").Memory("4Gi").Gpus(6), BinPacking,
            new("cpu", 1), new("memory", 1), new("nvidia.com/gpu", 5)));
    }

    /// <summary>Between two points of an increasing shape, the score stays between theirs.</summary>
    [Property(MaxTest = 500)]
    public bool Interpolation_stays_within_its_segment(byte a, byte b, byte sa, byte sb, byte u)
    {
        int u0 = a % 100, u1 = u0 + 1 + b % (100 - u0);
        if (u1 > 100) u1 = 100;
        if (u1 <= u0) return true;
        int s0 = sa % 11, s1 = sb % 11;
        var shape = Scaled([new(u0, s0), new(u1, s1)]);
        long at = u0 + u % (u1 - u0 + 1);
        long score = ScoringStrategies.BrokenLinear(shape, at);
        return score >= Math.Min(s0, s1) * 10 && score <= Math.Max(s0, s1) * 10;
    }

    private static UtilizationShapePoint[] Scaled(UtilizationShapePoint[] shape) =>
        [.. shape.Select(p => p with { Score = p.Score * 10 })];
}
