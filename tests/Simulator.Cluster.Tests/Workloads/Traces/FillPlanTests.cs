using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Workloads.Traces;

namespace Simulator.Cluster.Tests.Workloads.Traces;

/// <summary>
/// Fill mode's order: the shuffled list, then random copies, cut at the pod whose GPU request
/// makes the total reach the target (FGD paper §6.1), reproducible from the seed.
/// </summary>
public class FillPlanTests
{
    private static TracePod Pod(string name, int gpus, int milli) => new() { Name = name, GpuCount = gpus, GpuMilli = milli };

    private static List<TracePod> Pods(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Pod($"p{i}", i % 3 == 0 ? 0 : 1, i % 3 == 1 ? 1000 : 250 + i))];

    [Fact]
    public void Two_whole_gpu_pods_on_two_gpus_at_130_percent_need_one_copy()
    {
        // Target 2,600 milli: the shuffled pair gives 2,000, one copy 3,000.
        var plan = FillPlan.Build([Pod("a", 1, 1000), Pod("b", 1, 1000)], 2000, 130, new Random(1));
        Assert.Equal(3, plan.Order.Count);
        Assert.Equal(2, plan.ShuffledCount);
        Assert.Equal(3000, plan.TotalGpuMilli);
        Assert.Equal([0, 1], plan.Order.Take(2).Order());
    }

    [Fact]
    public void A_list_larger_than_the_target_is_cut_at_the_pod_that_reaches_it()
    {
        // Ten 500-milli shares against 2,000 milli at 100 %: exactly four are submitted.
        var pods = Enumerable.Range(0, 10).Select(i => Pod($"s{i}", 1, 500)).ToList();
        var plan = FillPlan.Build(pods, 2000, 100, new Random(5));
        Assert.Equal(4, plan.Order.Count);
        Assert.Equal(4, plan.ShuffledCount);
        Assert.Equal(2000, plan.TotalGpuMilli);
        Assert.Equal(4, plan.Order.Distinct().Count());
    }

    [Property(MaxTest = 200)]
    public Property The_last_pod_and_only_the_last_crosses_the_target(PositiveInt seed, PositiveInt size, PositiveInt gpus, PositiveInt percent)
    {
        var pods = Pods(1 + size.Get % 60);
        long capacity = (1 + gpus.Get % 50) * 1000L;
        int p = 1 + percent.Get % 300;
        var plan = FillPlan.Build(pods, capacity, p, new Random(seed.Get));
        long total = plan.Order.Sum(i => pods[i].TotalGpuMilli);
        long beforeLast = total - pods[plan.Order[^1]].TotalGpuMilli;
        var shuffled = plan.Order.Take(plan.ShuffledCount).ToList();
        return (total == plan.TotalGpuMilli
                && total * 100 >= capacity * p
                && beforeLast * 100 < capacity * p
                && shuffled.Distinct().Count() == shuffled.Count
                && (plan.ShuffledCount == plan.Order.Count || plan.ShuffledCount == pods.Count))
            .Label($"total {total}, before last {beforeLast}, target {capacity * p / 100}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_another_seed_another()
    {
        var pods = Pods(50);
        var a = FillPlan.Build(pods, 40_000, 130, new Random(11)).Order;
        var b = FillPlan.Build(pods, 40_000, 130, new Random(11)).Order;
        var c = FillPlan.Build(pods, 40_000, 130, new Random(12)).Order;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(Enumerable.Range(0, 50), a.Take(50));
    }
}
