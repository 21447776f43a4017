using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// Time-weighted allocation: the integral of requests held by bound, unfinished pods over the
/// integral of ready nodes' allocatable. A pod's requests count from its binding (not from its
/// container start) until it finishes or is removed. Every case is one 4-cpu, 16Gi node and a
/// 2-cpu pod bound at 0 s, over a 60 s run; the expected ratios are hand-computed integrals.
/// </summary>
public class AllocationRatioTests
{
    private const double NodeCpuSeconds = 4000.0 * 60;

    private static (TestCluster Cluster, Pod Pod) OneNodeOnePod(PodBuilder pod)
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("4").Memory("16Gi"));
        return (cluster, cluster.Create(pod));
    }

    private static IReadOnlyDictionary<string, double> Run(TestCluster cluster) =>
        cluster.Sim.Run(TestCluster.At("60s")).Summary.AllocationRatio;

    [Fact]
    public void A_pod_running_30s_counts_from_binding_at_0s_to_completion_at_31s()
    {
        var (cluster, _) = OneNodeOnePod(new PodBuilder("job").Cpu("2").Runs("30s"));
        var ratio = Run(cluster);

        Assert.Equal(2000.0 * 31 / NodeCpuSeconds, ratio[ResourceNames.Cpu]); // 0.2583..., not 0.25
        Assert.Equal(1.0 * 31 / (110.0 * 60), ratio[ResourceNames.Pods]);
        Assert.Equal(0, ratio[ResourceNames.Memory]);
    }

    [Fact]
    public void The_image_pull_is_counted_because_the_node_is_reserved_from_binding()
    {
        // Bound at 0 s, running from 11.24 s to 41.24 s.
        var (cluster, _) = OneNodeOnePod(new PodBuilder("job").Cpu("2").Runs("30s").Image("registry.example/job:1", 1L << 30));
        Assert.Equal(2000.0 * 41.24e6 / (NodeCpuSeconds * 1e6), Run(cluster)[ResourceNames.Cpu]);
    }

    [Fact]
    public void A_pod_without_a_duration_counts_until_the_end_of_the_run()
    {
        var (cluster, _) = OneNodeOnePod(new PodBuilder("server").Cpu("2"));
        Assert.Equal(0.5, Run(cluster)[ResourceNames.Cpu]);
    }

    [Fact]
    public void A_deleted_pod_counts_until_it_is_removed_after_its_grace_period()
    {
        var (cluster, pod) = OneNodeOnePod(new PodBuilder("server").Cpu("2"));
        cluster.Engine.Schedule(TestCluster.At("20s"), () => cluster.Delete(pod));
        Assert.Equal(2000.0 * 50 / NodeCpuSeconds, Run(cluster)[ResourceNames.Cpu]);
    }

    [Fact]
    public void A_node_added_later_counts_from_when_it_registers()
    {
        var (cluster, _) = OneNodeOnePod(new PodBuilder("server").Cpu("2").Memory("4Gi"));
        cluster.Sim.AddNode(TestCluster.At("30s"), new NodeBuilder("b").Cpu("4").Memory("16Gi").Build());
        var ratio = Run(cluster);

        Assert.Equal(2000.0 * 60 / (NodeCpuSeconds + 4000.0 * 30), ratio[ResourceNames.Cpu]);
        Assert.Equal(4.0 * 60 / (16.0 * 60 + 16.0 * 30), ratio[ResourceNames.Memory]);
    }

    [Fact]
    public void A_pod_that_never_fits_requests_nothing()
    {
        var (cluster, _) = OneNodeOnePod(new PodBuilder("huge").Cpu("8"));
        var ratio = Run(cluster);

        Assert.Equal(0, ratio[ResourceNames.Cpu]);
        Assert.Equal(0, ratio[ResourceNames.Pods]);
    }

    [Fact]
    public void Time_series_rows_sample_phases_and_held_requests_every_interval()
    {
        var (cluster, _) = OneNodeOnePod(new PodBuilder("job").Cpu("2").Runs("30s"));
        var rows = cluster.Sim.Run(TestCluster.At("60s")).TimeSeries;

        Assert.Equal([0, 10, 20, 30, 40, 50, 60], rows.Select(r => (int)r.Time.TotalSeconds));
        // At 0 s the pod is bound but its container has not started: pending, yet holding 2 cpus.
        Assert.Equal((1, 0, 0), (rows[0].PendingPods, rows[0].RunningPods, rows[0].SucceededPods));
        Assert.Equal(2000, rows[0].Requested[ResourceNames.Cpu]);
        Assert.All(rows.Skip(1).Take(3), r => Assert.Equal((0, 1, 0), (r.PendingPods, r.RunningPods, r.SucceededPods)));
        Assert.All(rows.Skip(4), r => Assert.Equal((0, 0, 1), (r.PendingPods, r.RunningPods, r.SucceededPods)));
        Assert.All(rows.Skip(4), r => Assert.Equal(0, r.Requested[ResourceNames.Cpu]));
        Assert.All(rows, r => Assert.Equal(1, r.ReadyNodes));
        Assert.All(rows, r => Assert.Equal(4000, r.Allocatable[ResourceNames.Cpu]));
        Assert.All(rows, r => Assert.Equal(110, r.Allocatable[ResourceNames.Pods]));
    }

    [Fact]
    public void Integrals_are_exact_over_a_long_run_of_large_memory()
    {
        // 1 TiB held for 30 days is about 2.8e24 byte-microseconds, far beyond a long.
        var integrals = new ResourceIntegrals();
        integrals.AddAllocatable(ResourceNames.Memory, 4L << 40);
        integrals.AddRequested(ResourceNames.Memory, 1L << 40);
        integrals.Advance(SimTime.Zero + SimDuration.Parse("30d"));

        Assert.Equal(0.25, integrals.Ratios()[ResourceNames.Memory]);
    }
}
