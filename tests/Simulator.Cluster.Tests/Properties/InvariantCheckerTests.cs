using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// The checker behind the properties must be able to fail: each test makes one rule break by
/// writing to the store behind the scheduler's or the kubelet's back, and expects it reported.
/// </summary>
public class InvariantCheckerTests
{
    private static (ClusterSimulation Sim, InvariantChecker Checker) NewCluster()
    {
        var sim = new ClusterSimulation(new ClusterOptions { Seed = 1 });
        var checker = new InvariantChecker(sim);
        sim.Store.AddNode(new NodeBuilder("a").Cpu("2").MaxPods(2).Build());
        return (sim, checker);
    }

    private static Pod Create(ClusterSimulation sim, PodBuilder pod)
    {
        var p = pod.Build();
        sim.Store.CreatePod(p);
        return p;
    }

    [Fact]
    public void A_clean_run_has_no_violations()
    {
        var (sim, checker) = NewCluster();
        Create(sim, new PodBuilder("job").Cpu("1").Runs("10s"));
        sim.Run(SimTime.Zero + SimDuration.FromMinutes(1));
        checker.CheckAtEnd();

        Assert.Empty(checker.Violations);
    }

    [Fact]
    public void Cpu_allocated_beyond_allocatable_is_reported()
    {
        var (sim, checker) = NewCluster();
        Create(sim, new PodBuilder("web").Cpu("2"));
        sim.Engine.RunUntil(SimTime.Zero);
        Assert.Empty(checker.Violations);

        var node = sim.Store.GetNode("a")!;
        node.Status.Allocatable = ResourceList.Of((ResourceNames.Cpu, 1500), (ResourceNames.Pods, 2));
        sim.Store.UpdateNode(node);

        Assert.Contains(checker.Violations, v => v.Contains("node a has 2000 cpu allocated, allocatable 1500", StringComparison.Ordinal));
    }

    [Fact]
    public void More_pods_than_allocatable_pods_is_reported()
    {
        var (sim, checker) = NewCluster();
        Create(sim, new PodBuilder("p0"));
        Create(sim, new PodBuilder("p1"));
        sim.Engine.RunUntil(SimTime.Zero);
        Assert.Empty(checker.Violations);

        var node = sim.Store.GetNode("a")!;
        node.Status.Allocatable = ResourceList.Of((ResourceNames.Cpu, 2000), (ResourceNames.Pods, 1));
        sim.Store.UpdateNode(node);

        Assert.Contains(checker.Violations, v => v.Contains("node a has 2 pods allocated, allocatable 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_phase_going_back_is_reported()
    {
        var (sim, checker) = NewCluster();
        var pod = Create(sim, new PodBuilder("web"));
        sim.Engine.RunUntil(SimTime.Zero + SimDuration.FromSeconds(5));
        Assert.Equal(PodPhase.Running, pod.Status.Phase);

        pod.Status.Phase = PodPhase.Pending;
        sim.Store.UpdatePodStatus(pod);

        Assert.Contains(checker.Violations, v => v.Contains("default/web went from Running back to Pending", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pod_moving_to_another_node_is_reported()
    {
        var (sim, checker) = NewCluster();
        sim.Store.AddNode(new NodeBuilder("b").Build());
        var pod = Create(sim, new PodBuilder("web").OnNode("a"));

        pod.Spec.NodeName = "b";
        sim.Store.UpdatePodStatus(pod);

        Assert.Contains(checker.Violations, v => v.Contains("default/web moved from node a to \"b\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scheduler_cache_that_missed_a_binding_is_reported_at_the_end()
    {
        var (sim, checker) = NewCluster();
        var pod = Create(sim, new PodBuilder("web").Cpu("1"));
        sim.Engine.RunUntil(SimTime.Zero);
        var sneaky = new PodBuilder("sneaky").Cpu("500m").Build();
        sim.Store.CreatePod(sneaky);
        sneaky.Spec.NodeName = "a"; // bound without telling anyone

        checker.CheckAtEnd();

        Assert.True(pod.IsBound);
        Assert.Contains(checker.Violations, v => v.Contains("scheduler cache has 1000 cpu requested on a, the store's pods 1500", StringComparison.Ordinal));
    }
}
