using Simulator.Cluster.Accelerators;

namespace Simulator.Cluster.Tests.Accelerators;

/// <summary>Which GPUs a pod gets, from the thousandths used on each GPU of a node (a table of cases, as in fit_test.go).</summary>
public class GpuAssignmentTests
{
    public static TheoryData<string, int[], int, int, int[]?> Choices => new()
    {
        { "whole GPUs: lowest free indices, skipping shared ones", [300, 0, 1000, 0, 0], 2, 0, [1, 3] },
        { "whole GPUs: not enough entirely free", [1, 0, 1000, 999], 2, 0, null },
        { "share: the fullest GPU that still fits", [700, 100, 0, 500], 0, 300, [0] },
        { "share: tie on free space goes to the lower index", [0, 500, 500], 0, 400, [1] },
        { "share: an exact fit fills a GPU", [0, 400], 0, 600, [1] },
        { "share: nothing fits", [600, 600], 0, 500, null },
        { "no GPUs asked", [1000], 0, 0, [] },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Scheduler_choice(string name, int[] used, int whole, int milli, int[]? expected)
    {
        _ = name;
        var demand = new GpuDemand(whole, milli);
        Assert.Equal(expected, GpuAssignment.Choose(used, used.Length, demand));
        Assert.Equal(expected is not null, GpuAssignment.Fits(used, used.Length, demand));
    }

    [Fact]
    public void Pods_placed_without_the_scheduler_take_the_first_gpu_that_fits()
    {
        Assert.Equal<int[]?>([1], GpuAssignment.FirstFit([900, 500, 0], 3, new GpuDemand(0, 300)));
        Assert.Equal<int[]?>([2], GpuAssignment.FirstFit([900, 500, 0], 3, new GpuDemand(1, 0)));
        Assert.Null(GpuAssignment.FirstFit([900, 800], 2, new GpuDemand(0, 300)));
    }

    [Fact]
    public void Only_the_first_count_gpus_are_considered()
    {
        // A node whose allocatable shrank keeps its array; GPUs beyond the count are never chosen.
        Assert.Null(GpuAssignment.Choose([1000, 0], 1, new GpuDemand(1, 0)));
    }
}
