using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
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

    /// <summary>A cluster with non-default settings (kubelet timings, queue, metrics interval).</summary>
    public TestCluster(ClusterOptions options)
    {
        Sim = new ClusterSimulation(options);
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

    /// <summary>Runs every event up to and including the absolute virtual time <paramref name="time"/> ("10.24s").</summary>
    public void RunTo(string time) => Engine.RunUntil(At(time));

    /// <summary>An absolute virtual time written as a duration since the start ("1m30s").</summary>
    public static SimTime At(string time) => SimTime.Zero + SimDuration.Parse(time);

    /// <summary>Sends the delete request for <paramref name="pod"/> now.</summary>
    public void Delete(Pod pod) => Store.DeletePod(pod);

    /// <summary>What the metrics recorder kept about <paramref name="pod"/>.</summary>
    public PodRecord RecordOf(Pod pod) => Sim.Metrics.Pods.Single(r => r.Uid == pod.Metadata.Uid);

    public IEnumerable<ClusterEvent> EventsFor(Pod pod, string reason) =>
        Sim.Metrics.Events.Where(e => e.ObjectName == pod.Key && e.Reason == reason);
}
