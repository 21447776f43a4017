using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>A training Job's pods and events on <see cref="TestCluster"/>.</summary>
internal static class TrainingJobTestClusterExtensions
{
    public static List<Pod> PodsOf(this TestCluster cluster, Job job) =>
        [.. cluster.Store.Pods.Where(p => p.Metadata.Controller?.Uid == job.Metadata.Uid).OrderBy(p => p.Name, StringComparer.Ordinal)];

    public static IEnumerable<ClusterEvent> EventsFor(this TestCluster cluster, Job job, string reason) =>
        cluster.Sim.Metrics.Events.Where(e => e.ObjectKind == "Job" && e.ObjectName == job.Metadata.Key && e.Reason == reason);

    public static IEnumerable<ClusterEvent> EventsFor(this TestCluster cluster, string kind, string key, string reason) =>
        cluster.Sim.Metrics.Events.Where(e => e.ObjectKind == kind && e.ObjectName == key && e.Reason == reason);
}
