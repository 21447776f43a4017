using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Rollouts as Kubernetes runs them, watched at every store notification: a RollingUpdate of 10
/// replicas never has more than 13 pods or fewer than 8 available (reference fact 13); Recreate
/// never runs old and new pods together; a rollout whose new pods cannot start stalls with the
/// old pods serving; a resize mid-rollout is shared in proportion.
/// </summary>
public class DeploymentRolloutTests
{
    private static PodTemplate V2(string grace = "30s") =>
        ReplicaSetBuilder.Template("web", image: "registry.example/app:2", grace: grace, imageSize: 200L << 20);

    [Fact]
    public void A_rolling_update_of_10_replicas_stays_within_13_pods_and_8_available()
    {
        var cluster = DeploymentControllerTests.Cluster();
        var d = new DeploymentBuilder("web").Replicas(10).Build();
        var v1 = d.Spec.Template;
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        var monitor = RolloutMonitor.Attach(cluster, d);

        var v2 = V2();
        DeploymentControllerTests.Roll(cluster, d, v2);
        cluster.RunTo("10m");

        Assert.Equal(13, monitor.MaxActive);
        Assert.Equal(8, monitor.MinAvailable);
        var oldRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, v1);
        var newRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, v2);
        Assert.Equal((0, 0), (oldRs.Spec.Replicas, oldRs.Status.Replicas));
        Assert.Empty(ReplicaSetControllerTests.PodsOf(cluster, oldRs));
        Assert.Equal(10, newRs.Spec.Replicas);
        var pods = ReplicaSetControllerTests.ActivePodsOf(cluster, newRs);
        Assert.Equal(10, pods.Count);
        Assert.All(pods, p => Assert.Equal("registry.example/app:2", p.Spec.Containers[0].Image));
        Assert.Equal((10, 10, 10, 10, 0), DeploymentControllerTests.StatusOf(d));
    }

    [Fact]
    public void A_rolling_update_records_each_scaling_step_in_kubernetes_words()
    {
        var cluster = DeploymentControllerTests.Cluster();
        var d = new DeploymentBuilder("web").Replicas(10).Build();
        var oldName = "web-" + TemplateHash.Compute(d.Spec.Template, 0);
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        var v2 = V2();
        var newName = "web-" + TemplateHash.Compute(v2, 0);
        DeploymentControllerTests.Roll(cluster, d, v2);
        cluster.RunTo("10m");

        // The new replica set starts at maxSurge; the old one goes down to the floor at once, which
        // makes room under replicas + maxSurge for two more new pods; each time new pods become
        // available, the old replica set shrinks and the new one takes the room.
        Assert.Equal(
            [
                $"Scaled up replica set {oldName} from 0 to 10",
                $"Scaled up replica set {newName} from 0 to 3",
                $"Scaled down replica set {oldName} from 10 to 8",
                $"Scaled up replica set {newName} from 3 to 5",
                $"Scaled down replica set {oldName} from 8 to 3",
                $"Scaled up replica set {newName} from 5 to 10",
                $"Scaled down replica set {oldName} from 3 to 0",
            ],
            DeploymentControllerTests.ScalingEvents(cluster, d));
    }

    [Fact]
    public void Recreate_removes_every_old_pod_before_the_first_new_one()
    {
        var cluster = DeploymentControllerTests.Cluster();
        var d = new DeploymentBuilder("web").Replicas(10).Recreate().Build();
        var v1 = d.Spec.Template;
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        var monitor = RolloutMonitor.Attach(cluster, d);

        var v2 = V2();
        DeploymentControllerTests.Roll(cluster, d, v2);
        cluster.RunTo("10m");

        Assert.False(monitor.Overlapped);
        Assert.Equal(0, monitor.MinAvailable);
        var oldName = DeploymentControllerTests.ReplicaSetFor(cluster, d, v1).Name;
        var newRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, v2);
        Assert.Equal(10, ReplicaSetControllerTests.ActivePodsOf(cluster, newRs).Count);
        var scaling = cluster.Sim.Metrics.Events.Where(e => e.Reason == "ScalingReplicaSet").ToList();
        Assert.Equal($"Scaled down replica set {oldName} from 10 to 0", scaling[1].Message);
        Assert.Equal($"Scaled up replica set {newRs.Name} from 0 to 10", scaling[2].Message);
        // The old pods take their 30 s grace period; the new replica set appears when the last has gone.
        Assert.Equal(TestCluster.At("1m30s"), scaling[2].Time);
        Assert.Equal(3, scaling.Count);
    }

    [Fact]
    public void A_rollout_whose_new_pods_cannot_be_scheduled_stalls_with_8_old_pods_serving()
    {
        var cluster = DeploymentControllerTests.Cluster();
        var d = new DeploymentBuilder("web").Replicas(10).Build();
        var v1 = d.Spec.Template;
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        var broken = ReplicaSetBuilder.Template("web", image: "registry.example/app:2",
            nodeSelector: new Dictionary<string, string> { ["disk"] = "ssd" });
        DeploymentControllerTests.Roll(cluster, d, broken);
        cluster.RunTo("30m");

        var oldRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, v1);
        var newRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, broken);
        Assert.Equal((8, 8), (oldRs.Spec.Replicas, oldRs.Status.AvailableReplicas));
        Assert.Equal((5, 0), (newRs.Spec.Replicas, newRs.Status.ReadyReplicas));
        Assert.Equal((13, 5, 8, 8, 5), DeploymentControllerTests.StatusOf(d));

        // Resized mid-rollout: replicas + maxSurge = 20 + 5 shared in proportion to 8 : 5 (rounded), largest first.
        d.Spec.Replicas = 20;
        cluster.Store.Deployments.Update(d);
        cluster.RunTo("40m");
        Assert.Equal((15, 10), (oldRs.Spec.Replicas, newRs.Spec.Replicas));
        Assert.Equal(
            [$"Scaled up replica set {oldRs.Name} from 8 to 15", $"Scaled up replica set {newRs.Name} from 5 to 10"],
            DeploymentControllerTests.ScalingEvents(cluster, d).TakeLast(2));
        Assert.Equal(15, oldRs.Status.AvailableReplicas);
    }

    /// <summary>
    /// For any size and any maxSurge / maxUnavailable, the rollout completes and at every store
    /// notification stays within replicas + surge active pods and replicas - unavailable available
    /// ones (ResolveFenceposts' values).
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Any_rolling_update_keeps_its_fenceposts()
    {
        var bound = Gen.OneOf(
            Gen.Choose(0, 4).Select(IntOrPercent.Absolute),
            Gen.Elements(0, 10, 25, 50, 100).Select(IntOrPercent.Percent));
        var cases = Arb.From(
            from replicas in Gen.Choose(1, 12)
            from surge in bound
            from unavailable in bound
            select (replicas, surge, unavailable));
        return Prop.ForAll(cases, c =>
        {
            var (surge, unavailable) = RollingUpdate.ResolveFenceposts(c.surge, c.unavailable, c.replicas);
            unavailable = Math.Min(unavailable, c.replicas);
            var cluster = DeploymentControllerTests.Cluster();
            var d = new DeploymentBuilder("web").Replicas(c.replicas).RollingUpdate(c.surge, c.unavailable).Build();
            cluster.Store.Deployments.Create(d);
            cluster.RunTo("1m");
            var monitor = RolloutMonitor.Attach(cluster, d);
            var v2 = V2();
            DeploymentControllerTests.Roll(cluster, d, v2);
            cluster.RunTo("30m");

            Assert.InRange(monitor.MaxActive, c.replicas, c.replicas + surge);
            Assert.InRange(monitor.MinAvailable, c.replicas - unavailable, c.replicas);
            var newRs = DeploymentControllerTests.ReplicaSetFor(cluster, d, v2);
            Assert.Equal(c.replicas, ReplicaSetControllerTests.ActivePodsOf(cluster, newRs).Count);
            Assert.Equal((c.replicas, c.replicas, c.replicas, c.replicas, 0), DeploymentControllerTests.StatusOf(d));
        });
    }

    /// <summary>
    /// Counts, at every store notification, the Deployment's active pods (not finished, not
    /// terminating: what Kubernetes counts against maxSurge) and the available ones among them
    /// (Ready; minReadySeconds is 0), and whether old and new revisions' pods ever coexisted.
    /// </summary>
    private sealed class RolloutMonitor : IPodWatcher, IObjectWatcher<ReplicaSet>
    {
        private readonly ClusterStore _store;
        private readonly Deployment _d;

        private RolloutMonitor(ClusterStore store, Deployment d)
        {
            _store = store;
            _d = d;
            Observe();
        }

        public static RolloutMonitor Attach(TestCluster cluster, Deployment d)
        {
            var m = new RolloutMonitor(cluster.Store, d);
            cluster.Store.Watch(m);
            cluster.Store.ReplicaSets.Watch(m);
            return m;
        }

        public int MaxActive { get; private set; }
        public int MinAvailable { get; private set; } = int.MaxValue;
        public bool Overlapped { get; private set; }

        public void OnPodEvent(WatchEventType type, Pod pod) => Observe();

        public void OnObjectEvent(WatchEventType type, ReplicaSet rs) => Observe();

        private void Observe()
        {
            var owned = _store.ReplicaSets.Items.Where(rs => rs.Metadata.Controller?.Uid == _d.Metadata.Uid)
                .ToDictionary(rs => rs.Metadata.Uid, rs => TemplateHash.EqualIgnoreHash(rs.Spec.Template, _d.Spec.Template));
            int active = 0, available = 0;
            bool anyOld = false, anyNew = false;
            foreach (var pod in _store.Pods)
            {
                if (pod.Metadata.Controller is not { } owner || !owned.TryGetValue(owner.Uid, out var isNew)) continue;
                if (!pod.IsTerminal)
                {
                    if (isNew) anyNew = true;
                    else anyOld = true;
                }
                if (pod.IsTerminal || pod.IsTerminating) continue;
                active++;
                if (pod.Status.GetCondition(PodConditionType.Ready)?.Status == ConditionStatus.True) available++;
            }
            MaxActive = Math.Max(MaxActive, active);
            MinAvailable = Math.Min(MinAvailable, available);
            Overlapped |= anyOld && anyNew;
        }
    }
}
