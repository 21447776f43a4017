using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// Cost: each pool node is billed from its addition to its removal or the run's end at its pool's
/// pricePerHour; idle GPU-hours integrate GPUs on Ready nodes minus GPUs held by bound pods.
/// </summary>
public class CostTests
{
    private static NodePool Pool(string name, double price, long gpus = 0)
    {
        var resources = gpus > 0
            ? ResourceList.Of((ResourceNames.Cpu, 8_000), (ResourceNames.NvidiaGpu, gpus))
            : ResourceList.Of((ResourceNames.Cpu, 8_000));
        return new NodePool { Name = name, Capacity = resources, Allocatable = resources, PricePerHour = price };
    }

    private static Node AddReady(RecorderHarness h, NodePool pool, int index)
    {
        var node = pool.NewNode(index);
        node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, h.Sim.Now);
        h.Store.AddNode(node);
        return node;
    }

    private static Pod GpuPod(RecorderHarness h, string name, string resource, long amount)
    {
        var requests = ResourceList.Of((resource, amount));
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new PodSpec { Containers = [new Container("main", "", requests, ResourceList.Empty)], RestartPolicy = RestartPolicy.Never },
        };
        h.Store.CreatePod(pod);
        return pod;
    }

    [Fact]
    public void Two_pools_at_different_prices_a_node_removed_mid_run_and_the_run_end()
    {
        var h = new RecorderHarness();
        var cpu = Pool("cpu", 0.5);
        var gpu = Pool("gpu", 3);
        h.Metrics.AddNodePool(cpu);
        h.Metrics.AddNodePool(gpu);
        AddReady(h, cpu, 0);
        AddReady(h, cpu, 1);
        h.Node("plain"); // not in a pool: never priced, not listed
        h.Metrics.Start();
        h.At("30m", () => AddReady(h, gpu, 0));
        h.At("1h", () => h.Store.DeleteNode("cpu-1"));
        h.RunTo("3h");
        h.Metrics.Finish();

        var cost = h.Metrics.Summarize().Cost;

        // cpu: cpu-0 for 3 h + cpu-1 for 1 h = 4 node-hours x 0.5 = 2; gpu: 2.5 node-hours x 3 = 7.5.
        Assert.Equal([new PoolCost("cpu", 4, 2), new PoolCost("gpu", 2.5, 7.5)], cost.ByPool);
        Assert.Equal(9.5, cost.Total);
        Assert.True(cost.Priced);
        var rows = h.Metrics.TimeSeries;
        // At 1 h: cpu 2 node-hours (1.0) + gpu 0.5 node-hours (1.5).
        Assert.Equal(2.5, rows.Single(r => r.Time == TestCluster.At("1h")).Cost);
        Assert.Equal(9.5, rows[^1].Cost);
        // Per completed Job and per million requests: null without any, else total / count.
        Assert.Null(cost.PerCompletedJob(0));
        Assert.Null(cost.PerMillionRequests(0));
        Assert.Equal(4.75, cost.PerCompletedJob(2));
        Assert.Equal(9.5 / 250_000 * 1_000_000, cost.PerMillionRequests(250_000));
    }

    [Fact]
    public void Idle_gpu_hours_never_go_negative_when_a_node_holding_gpu_pods_goes_not_ready()
    {
        // Review finding: pods still bound to a NotReady node used to be subtracted from the Ready
        // GPUs of the others. 4 GPUs Ready from 0 to 10 m with 2 held: 2 idle x 10 min = 0.333 GPU-h;
        // NotReady afterwards: no Ready GPU, nothing idle, nothing negative.
        var h = new RecorderHarness();
        var gpu = Pool("gpu", 0, gpus: 4);
        h.Metrics.AddNodePool(gpu);
        h.Metrics.Start();
        Node node = null!;
        h.At("0s", () =>
        {
            node = AddReady(h, gpu, 0);
            h.Run(GpuPod(h, "a", ResourceNames.NvidiaGpu, 1), "gpu-0");
            h.Run(GpuPod(h, "b", ResourceNames.NvidiaGpu, 1), "gpu-0");
        });
        h.At("10m", () => h.SetReady(node, ConditionStatus.Unknown));
        h.RunTo("2h");
        h.Metrics.Finish();

        Assert.Equal(2.0 * 10 / 60, h.Metrics.Summarize().Cost.IdleGpuHours, 9);
    }

    [Fact]
    public void Idle_gpu_hours_count_whole_gpus_and_shares_held_by_bound_pods()
    {
        var h = new RecorderHarness();
        var gpu = Pool("gpu", 0, gpus: 4);
        h.Metrics.AddNodePool(gpu);
        h.Metrics.Start();
        h.At("30m", () => AddReady(h, gpu, 0)); // 4 GPUs Ready from 30 m to 3 h: 10 GPU-hours
        Pod whole = null!, share = null!;
        h.At("1h", () => { whole = GpuPod(h, "whole", ResourceNames.NvidiaGpu, 2); h.Run(whole, "gpu-0"); });
        h.At("1h30m", () => { share = GpuPod(h, "share", ResourceNames.GpuMilli, 500); h.Run(share, "gpu-0"); });
        h.At("2h", () => h.Finish(whole, PodPhase.Succeeded, "Completed")); // 2 GPUs x 1 h
        h.RunTo("3h");
        h.Metrics.Finish();

        var cost = h.Metrics.Summarize().Cost;

        // 10 - 2 (whole, 1 h to 2 h) - 0.5 x 1.5 h (share, 1h30 to the end) = 7.25.
        Assert.Equal(7.25, cost.IdleGpuHours, 9);
        Assert.Equal(0, cost.Total);
        Assert.False(cost.Priced);
        Assert.Equal([new PoolCost("gpu", 2.5, 0)], cost.ByPool);
    }

    [Fact]
    public void A_run_without_pools_costs_nothing_and_lists_no_pool()
    {
        var h = new RecorderHarness();
        h.Node("plain");
        h.Metrics.Start();
        h.RunTo("1h");
        h.Metrics.Finish();

        var cost = h.Metrics.Summarize().Cost;
        Assert.Equal((0.0, 0.0, false), (cost.Total, cost.IdleGpuHours, cost.Priced));
        Assert.Empty(cost.ByPool);
        Assert.All(h.Metrics.TimeSeries, r => Assert.Equal(0, r.Cost));
    }

    /// <summary>Any timeline of pool nodes added and removed: the cost column never decreases and ends at the total.</summary>
    [Property(MaxTest = 50)]
    public Property Cost_over_time_never_decreases_and_ends_at_the_total()
    {
        var step =
            from add in Gen.Elements(true, true, false)
            from pool in Gen.Choose(0, 2)
            from seconds in Gen.Choose(1, 600)
            select (add, pool, seconds);
        var timelines = Arb.From(from n in Gen.Choose(0, 20) from steps in Gen.ListOf(step, n) select steps);
        return Prop.ForAll(timelines, steps =>
        {
            var h = new RecorderHarness();
            var pools = new[] { Pool("a", 0.25), Pool("b", 1.75), Pool("c", 7) };
            foreach (var p in pools) h.Metrics.AddNodePool(p);
            h.Metrics.Start();
            var time = SimTime.Zero;
            var live = new List<string>();
            int next = 0;
            foreach (var (add, pool, seconds) in steps)
            {
                time += SimDuration.FromSeconds(seconds);
                h.Sim.Schedule(time, () =>
                {
                    if (add || live.Count == 0) live.Add(AddReady(h, pools[pool], next++).Name);
                    else
                    {
                        h.Store.DeleteNode(live[pool % live.Count]);
                        live.RemoveAt(pool % live.Count);
                    }
                });
            }
            h.Sim.RunUntil(time + SimDuration.FromSeconds(30));
            h.Metrics.Finish();
            var rows = h.Metrics.TimeSeries;
            bool monotone = rows.Zip(rows.Skip(1)).All(p => p.Second.Cost >= p.First.Cost);
            return (monotone && rows[^1].Cost == h.Metrics.Summarize().Cost.Total).ToProperty();
        });
    }
}
