using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Builders;

/// <summary>A whole simulated cluster for behaviour tests: add nodes and pods, run, inspect.</summary>
public sealed class TestCluster
{
    public TestCluster(ulong seed = 1, string profile = "default")
    {
        Sim = new ClusterSimulation(new ClusterOptions { Seed = seed, SchedulerProfile = profile });
    }

    public ClusterSimulation Sim { get; }

    public ClusterStore Store => Sim.Store;

    public Simulation Engine => Sim.Engine;

    public TestCluster Nodes(params NodeBuilder[] nodes)
    {
        foreach (var n in nodes) Sim.Store.AddNode(n.Build());
        return this;
    }

    public Pod Create(PodBuilder pod)
    {
        var p = pod.Build();
        Sim.Store.CreatePod(p);
        return p;
    }

    public void RunFor(string duration) => Engine.RunUntil(Engine.Now + SimDuration.Parse(duration));

    public IEnumerable<ClusterEvent> EventsFor(Pod pod, string reason) =>
        Sim.Metrics.Events.Where(e => e.ObjectName == pod.Key && e.Reason == reason);
}
