using System.Text.RegularExpressions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The Deployment controller's revisions: a ReplicaSet named after the pod-template hash, the hash
/// label on its selector, template and pods, revision annotations, ScalingReplicaSet events,
/// status, resizing, rollback, revision history and garbage collection.
/// </summary>
public class DeploymentControllerTests
{
    internal static TestCluster Cluster(ulong seed = 1) =>
        new TestCluster(seed).Nodes(new NodeBuilder("a"), new NodeBuilder("b"), new NodeBuilder("c"), new NodeBuilder("d"));

    internal static List<ReplicaSet> ReplicaSetsOf(TestCluster cluster, Deployment d) =>
        [.. cluster.Store.ReplicaSets.Items.Where(rs => rs.Metadata.Controller?.Uid == d.Metadata.Uid)];

    internal static ReplicaSet ReplicaSetFor(TestCluster cluster, Deployment d, PodTemplate template) =>
        ReplicaSetsOf(cluster, d).Single(rs => rs.Name == d.Name + "-" + TemplateHash.Compute(template, 0));

    internal static List<string> ScalingEvents(TestCluster cluster, Deployment d) =>
        [.. cluster.Sim.Metrics.Events.Where(e => e.ObjectName == d.Metadata.Key && e.Reason == "ScalingReplicaSet").Select(e => e.Message)];

    /// <summary>Replaces the pod template, which is what starts a rollout.</summary>
    internal static void Roll(TestCluster cluster, Deployment d, PodTemplate template)
    {
        d.Spec.Template = template;
        cluster.Store.Deployments.Update(d);
    }

    [Fact]
    public void A_deployment_creates_a_replica_set_named_after_its_template_hash()
    {
        var cluster = Cluster();
        var d = new DeploymentBuilder("web").Replicas(3).Build();
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("0s");

        var hash = TemplateHash.Compute(d.Spec.Template, 0);
        Assert.Matches("^[456789bcdf]{1,10}$", hash);
        var rs = Assert.Single(ReplicaSetsOf(cluster, d));
        Assert.Equal("web-" + hash, rs.Name);
        Assert.Equal(new OwnerReference("Deployment", "web", d.Metadata.Uid, Controller: true), Assert.Single(rs.Metadata.OwnerReferences));
        Assert.Equal(hash, rs.Metadata.Labels["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal("web", rs.Spec.Selector.MatchLabels["app"]);
        Assert.Equal(hash, rs.Spec.Template.Labels["pod-template-hash"]);
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]); // 3 + ceil(25 % of 3)
        Assert.Equal(3, rs.Spec.Replicas);

        var pods = ReplicaSetControllerTests.PodsOf(cluster, rs);
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p =>
        {
            Assert.Matches("^web-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}$", p.Name);
            Assert.Equal(hash, p.Metadata.Labels["pod-template-hash"]);
            Assert.True(rs.Spec.Selector.Matches(p.Metadata.Labels));
            Assert.True(d.Spec.Selector.Matches(p.Metadata.Labels));
        });
        var e = Assert.Single(cluster.Sim.Metrics.Events, e => e.Reason == "ScalingReplicaSet");
        Assert.Equal(($"Scaled up replica set web-{hash} from 0 to 3", "Deployment", "default/web", DeploymentController.ComponentName, EventType.Normal),
            (e.Message, e.ObjectKind, e.ObjectName, e.Source, e.Type));
    }

    [Fact]
    public void The_status_sums_the_replica_sets()
    {
        var cluster = Cluster();
        var d = new DeploymentBuilder("web").Replicas(3).Build();
        cluster.Store.Deployments.Create(d);

        cluster.RunTo("0s");
        Assert.Equal((3, 3, 0, 0, 3), StatusOf(d));
        cluster.RunTo("1s");
        Assert.Equal((3, 3, 3, 3, 0), StatusOf(d));
    }

    internal static (int Replicas, int Updated, int Ready, int Available, int Unavailable) StatusOf(Deployment d) =>
        (d.Status.Replicas, d.Status.UpdatedReplicas, d.Status.ReadyReplicas, d.Status.AvailableReplicas, d.Status.UnavailableReplicas);

    [Fact]
    public void The_hash_depends_on_the_template_only()
    {
        var a = ReplicaSetBuilder.Template("web");
        var same = ReplicaSetBuilder.Template("web");
        var withHashLabel = new PodTemplate
        {
            Labels = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = "anything" },
            Spec = a.Spec,
        };
        Assert.Equal(TemplateHash.Compute(a, 0), TemplateHash.Compute(same, 0));
        Assert.Equal(TemplateHash.Compute(a, 0), TemplateHash.Compute(withHashLabel, 0));
        Assert.NotEqual(TemplateHash.Compute(a, 0), TemplateHash.Compute(ReplicaSetBuilder.Template("web", image: "registry.example/app:2"), 0));
        Assert.NotEqual(TemplateHash.Compute(a, 0), TemplateHash.Compute(ReplicaSetBuilder.Template("api"), 0));
        Assert.NotEqual(TemplateHash.Compute(a, 0), TemplateHash.Compute(ReplicaSetBuilder.Template("web", cpu: "200m"), 0));
        Assert.NotEqual(TemplateHash.Compute(a, 0), TemplateHash.Compute(a, 1)); // a collision changes the name
    }

    [Fact]
    public void The_hash_is_encoded_digit_by_digit_into_the_safe_alphabet()
    {
        // rand.SafeEncodeString maps each character c to alphanums[c % 27]: '0' (48) -> 21 -> '4'.
        Assert.Equal("456789bcdf", TemplateHash.SafeEncode("0123456789"));
    }

    [Theory]
    [InlineData(3, 5, "Scaled up replica set {0} from 3 to 5")]
    [InlineData(5, 2, "Scaled down replica set {0} from 5 to 2")]
    [InlineData(2, 0, "Scaled down replica set {0} from 2 to 0")]
    public void Resizing_a_deployment_resizes_its_replica_set(int from, int to, string message)
    {
        var cluster = Cluster();
        var d = new DeploymentBuilder("web").Replicas(from).Build();
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("10s");
        d.Spec.Replicas = to;
        cluster.Store.Deployments.Update(d);
        cluster.RunTo("1m");

        var rs = Assert.Single(ReplicaSetsOf(cluster, d));
        Assert.Equal(to, rs.Spec.Replicas);
        Assert.Equal(to.ToString(System.Globalization.CultureInfo.InvariantCulture), rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal(to, ReplicaSetControllerTests.ActivePodsOf(cluster, rs).Count);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, rs.Name), ScalingEvents(cluster, d).Last());
        Assert.Equal((to, to, to, to, 0), StatusOf(d));
    }

    [Fact]
    public void Rolling_back_to_an_earlier_template_reuses_its_replica_set_under_a_new_revision()
    {
        var cluster = Cluster();
        var v1 = ReplicaSetBuilder.Template("web");
        var v2 = ReplicaSetBuilder.Template("web", image: "registry.example/app:2");
        var d = new DeploymentBuilder("web").Replicas(4).Template(v1).Build();
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        Roll(cluster, d, v2);
        cluster.RunTo("5m");
        Roll(cluster, d, ReplicaSetBuilder.Template("web")); // equal to v1, another object
        cluster.RunTo("10m");

        Assert.Equal(2, ReplicaSetsOf(cluster, d).Count);
        var first = ReplicaSetFor(cluster, d, v1);
        var second = ReplicaSetFor(cluster, d, v2);
        Assert.Equal(("3", "1"), (first.Metadata.Annotations["deployment.kubernetes.io/revision"], first.Metadata.Annotations["deployment.kubernetes.io/revision-history"]));
        Assert.Equal("2", second.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal((4, 0), (first.Spec.Replicas, second.Spec.Replicas));
        Assert.Equal(4, ReplicaSetControllerTests.ActivePodsOf(cluster, first).Count);
        Assert.Empty(ReplicaSetControllerTests.PodsOf(cluster, second));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(1, 2)]
    [InlineData(0, 1)]
    public void Old_revisions_beyond_the_history_limit_are_deleted_once_scaled_to_zero(int limit, int replicaSetsLeft)
    {
        var cluster = Cluster();
        var d = new DeploymentBuilder("web").Replicas(2).RevisionHistoryLimit(limit).Build();
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        Roll(cluster, d, ReplicaSetBuilder.Template("web", image: "registry.example/app:2"));
        cluster.RunTo("5m");
        var v3 = ReplicaSetBuilder.Template("web", image: "registry.example/app:3");
        Roll(cluster, d, v3);
        cluster.RunTo("10m");

        var left = ReplicaSetsOf(cluster, d);
        Assert.Equal(replicaSetsLeft, left.Count);
        Assert.Contains(ReplicaSetFor(cluster, d, v3), left);
        // The newest old revision is the last to go.
        if (replicaSetsLeft == 2)
            Assert.Contains(left, rs => rs.Metadata.Annotations["deployment.kubernetes.io/revision"] == "2");
    }

    [Fact]
    public void Deleting_a_deployment_deletes_its_replica_sets_and_their_pods()
    {
        var cluster = Cluster();
        var d = new DeploymentBuilder("web").Replicas(3).Build();
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("10s");

        cluster.Store.Deployments.Delete(d);
        cluster.RunTo("10s");
        Assert.Equal(0, cluster.Store.ReplicaSets.Count);
        Assert.All(cluster.Store.Pods, p => Assert.True(p.IsTerminating));
        cluster.RunTo("1m");
        Assert.Equal(0, cluster.Store.PodCount);
    }

    [Fact]
    public void The_same_seed_replays_the_rollout_and_another_seed_only_renames_the_pods()
    {
        static (List<string> Pods, List<string> Events) Run(ulong seed)
        {
            var cluster = Cluster(seed);
            var d = new DeploymentBuilder("web").Replicas(5).Build();
            var podNames = new List<string>();
            cluster.Store.Watch(new PodNameLog(podNames));
            cluster.Store.Deployments.Create(d);
            cluster.RunTo("1m");
            Roll(cluster, d, ReplicaSetBuilder.Template("web", image: "registry.example/app:2"));
            cluster.RunTo("5m");
            return (podNames, ScalingEvents(cluster, d));
        }

        var (pods, events) = Run(3);
        var (podsAgain, eventsAgain) = Run(3);
        var (otherPods, otherEvents) = Run(4);
        Assert.Equal(pods, podsAgain);
        Assert.Equal(events, eventsAgain);
        Assert.NotEqual(pods, otherPods);
        Assert.Equal(events, otherEvents); // replica set names come from the template, not the seed
    }

    private sealed class PodNameLog(List<string> names) : IPodWatcher
    {
        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            if (type == WatchEventType.Added) names.Add(pod.Name);
        }
    }
}
