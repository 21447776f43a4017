using System.Text.RegularExpressions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The ReplicaSet controller keeps spec.replicas active pods: generated names, owner references
/// and SuccessfulCreate / SuccessfulDelete events as kube-controller-manager writes them; a lost
/// pod is replaced at once (a terminating one no longer counts); status counts; garbage
/// collection of a deleted ReplicaSet's pods.
/// </summary>
public partial class ReplicaSetControllerTests
{
    [GeneratedRegex("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$")]
    private static partial Regex GeneratedName();

    private static TestCluster Cluster(ulong seed = 1) =>
        new TestCluster(seed).Nodes(new NodeBuilder("a"), new NodeBuilder("b"));

    internal static List<Pod> PodsOf(TestCluster cluster, ReplicaSet rs) =>
        [.. cluster.Store.Pods.Where(p => p.Metadata.Controller?.Uid == rs.Metadata.Uid).OrderBy(p => p.Name, StringComparer.Ordinal)];

    internal static List<Pod> ActivePodsOf(TestCluster cluster, ReplicaSet rs) =>
        [.. PodsOf(cluster, rs).Where(p => !p.IsTerminal && !p.IsTerminating)];

    private static List<ClusterEvent> EventsOf(TestCluster cluster, ReplicaSet rs, string reason) =>
        [.. cluster.Sim.Metrics.Events.Where(e => e.ObjectName == rs.Metadata.Key && e.Reason == reason)];

    [Fact]
    public void Creates_the_replicas_with_generated_names_owner_references_and_events()
    {
        var cluster = Cluster();
        var rs = new ReplicaSetBuilder("web").Replicas(3).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("0s");

        var pods = PodsOf(cluster, rs);
        Assert.Equal(3, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Matches(GeneratedName(), pod.Name);
            Assert.Equal("default", pod.Metadata.Namespace);
            Assert.Equal(new OwnerReference("ReplicaSet", "web", rs.Metadata.Uid, Controller: true), Assert.Single(pod.Metadata.OwnerReferences));
            Assert.Equal("web", pod.Metadata.Labels["app"]);
        }
        var created = EventsOf(cluster, rs, "SuccessfulCreate");
        Assert.Equal(pods.Select(p => "Created pod: " + p.Name).Order(StringComparer.Ordinal), created.Select(e => e.Message).Order(StringComparer.Ordinal));
        Assert.All(created, e =>
        {
            Assert.Equal(EventType.Normal, e.Type);
            Assert.Equal("ReplicaSet", e.ObjectKind);
            Assert.Equal(ReplicaSetController.ComponentName, e.Source);
            Assert.Equal(SimTime.Zero, e.Time);
        });
    }

    [Fact]
    public void A_deleted_pod_is_replaced_at_once_by_a_pod_with_a_new_name_and_later_a_new_ip()
    {
        var cluster = Cluster();
        var rs = new ReplicaSetBuilder("web").Replicas(2).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("10s");
        var victim = PodsOf(cluster, rs)[0];
        var oldIp = victim.Status.PodIP;
        Assert.NotEqual("", oldIp);

        cluster.Delete(victim);
        cluster.RunTo("10s");

        // Still terminating (30 s grace) and no longer counted: the replacement exists already.
        Assert.Same(victim, cluster.Store.GetPod(victim.Key));
        var active = ActivePodsOf(cluster, rs);
        Assert.Equal(2, active.Count);
        var replacement = Assert.Single(active, p => p.Metadata.CreationTimestamp == TestCluster.At("10s"));
        Assert.NotEqual(victim.Name, replacement.Name);
        Assert.Matches(GeneratedName(), replacement.Name);
        Assert.Equal(2, rs.Status.Replicas);

        cluster.RunTo("12s");
        Assert.Equal(PodPhase.Running, replacement.Status.Phase);
        Assert.NotEqual("", replacement.Status.PodIP);
        Assert.NotEqual(oldIp, replacement.Status.PodIP);
        cluster.RunTo("1m");
        Assert.Null(cluster.Store.GetPod(victim.Key));
        Assert.Equal(2, PodsOf(cluster, rs).Count);
    }

    [Fact]
    public void A_pod_that_finishes_is_replaced()
    {
        var cluster = Cluster();
        // Kubernetes requires restartPolicy Always in a ReplicaSet; Never lets the pod finish here.
        var t = ReplicaSetBuilder.Template("web");
        var batch = new PodTemplate
        {
            Labels = t.Labels,
            Spec = new PodSpec { Containers = t.Spec.Containers, RestartPolicy = RestartPolicy.Never },
            Workload = new Workload { Duration = SimDuration.FromSeconds(60) },
        };
        var rs = new ReplicaSetBuilder("web").Replicas(1).Template(batch).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("61s");

        var pods = PodsOf(cluster, rs);
        Assert.Equal(2, pods.Count);
        Assert.Single(pods, p => p.Status.Phase == PodPhase.Succeeded);
        Assert.Single(ActivePodsOf(cluster, rs));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 2)]
    [InlineData(3, 0)]
    public void Scaling_creates_or_deletes_the_difference(int from, int to)
    {
        var cluster = Cluster();
        var rs = new ReplicaSetBuilder("web").Replicas(from).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("10s");
        rs.Spec.Replicas = to;
        cluster.Store.ReplicaSets.Update(rs);
        cluster.RunTo("10s");

        Assert.Equal(to, ActivePodsOf(cluster, rs).Count);
        Assert.Equal(Math.Max(0, to - from), EventsOf(cluster, rs, "SuccessfulCreate").Count(e => e.Time == TestCluster.At("10s")));
        var deleted = EventsOf(cluster, rs, "SuccessfulDelete");
        Assert.Equal(Math.Max(0, from - to), deleted.Count);
        Assert.All(deleted, e => Assert.StartsWith("Deleted pod: web-", e.Message, StringComparison.Ordinal));
        cluster.RunTo("1m");
        Assert.Equal(to, PodsOf(cluster, rs).Count);
        Assert.Equal(to, rs.Status.Replicas);
    }

    [Fact]
    public void Status_counts_replicas_ready_and_available_after_min_ready_seconds()
    {
        // Room for two pods only: the third stays Pending.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var rs = new ReplicaSetBuilder("web").Replicas(3).MinReadySeconds(10)
            .Template(ReplicaSetBuilder.Template("web", cpu: "1")).Build();
        cluster.Store.ReplicaSets.Create(rs);

        cluster.RunTo("0s");
        AssertStatus(rs, replicas: 3, labeled: 3, ready: 0, available: 0);
        cluster.RunTo("1s"); // containers started: Ready
        AssertStatus(rs, replicas: 3, labeled: 3, ready: 2, available: 0);
        cluster.Engine.RunUntil(TestCluster.At("11s") - SimDuration.FromMicroseconds(1));
        AssertStatus(rs, replicas: 3, labeled: 3, ready: 2, available: 0);
        cluster.RunTo("11s"); // Ready for minReadySeconds: available, without any other change to wake the controller
        AssertStatus(rs, replicas: 3, labeled: 3, ready: 2, available: 2);
    }

    private static void AssertStatus(ReplicaSet rs, int replicas, int labeled, int ready, int available) =>
        Assert.Equal((replicas, labeled, ready, available),
            (rs.Status.Replicas, rs.Status.FullyLabeledReplicas, rs.Status.ReadyReplicas, rs.Status.AvailableReplicas));

    [Fact]
    public void Deleting_the_replica_set_deletes_its_pods_and_creates_no_more()
    {
        var cluster = Cluster();
        var rs = new ReplicaSetBuilder("web").Replicas(3).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("10s");
        var pods = PodsOf(cluster, rs);

        cluster.Store.ReplicaSets.Delete(rs);
        cluster.RunTo("10s");
        Assert.All(pods, p => Assert.True(p.IsTerminating));
        Assert.Empty(ActivePodsOf(cluster, rs));
        cluster.RunTo("1m");
        Assert.Empty(PodsOf(cluster, rs));
        Assert.Equal(3, EventsOf(cluster, rs, "SuccessfulCreate").Count);
    }

    [Fact]
    public void Creations_are_capped_at_burst_replicas_per_sync()
    {
        var options = new ClusterOptions { Controllers = new ControllerSettings { BurstReplicas = 2 } };
        var cluster = new TestCluster(options).Nodes(new NodeBuilder("a"));
        var createdInEvent = new List<long>();
        cluster.Store.Watch(new PodAdded(() => createdInEvent.Add(cluster.Engine.EventsProcessed)));
        cluster.Store.ReplicaSets.Create(new ReplicaSetBuilder("web").Replicas(5).Build());
        cluster.RunTo("0s");

        Assert.Equal([2, 2, 1], createdInEvent.GroupBy(e => e).Select(g => g.Count()));
    }

    private sealed class PodAdded(Action onAdded) : IPodWatcher
    {
        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            if (type == WatchEventType.Added) onAdded();
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_pod_names_and_another_seed_others()
    {
        static string[] Names(ulong seed)
        {
            var cluster = Cluster(seed);
            var rs = new ReplicaSetBuilder("web").Replicas(5).Build();
            cluster.Store.ReplicaSets.Create(rs);
            cluster.RunTo("0s");
            return [.. cluster.Store.Pods.Select(p => p.Name).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(Names(7), Names(7));
        Assert.NotEqual(Names(7), Names(8));
    }
}
