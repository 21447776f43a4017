using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Store.Admission;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.NodeLifecycleTestKit;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The taint eviction controller (NoExecuteTaintManager): pods on a node with NoExecute taints
/// are deleted at once if they do not tolerate them, after the smallest tolerationSeconds if
/// they do, never if that is unlimited (fact 9: 300 s after the unreachable taint, by default).
/// </summary>
public class TaintEvictionTests
{
    private const string Unreachable = DefaultTolerationSeconds.UnreachableTaint;
    private static readonly SimDuration OneMicrosecond = SimDuration.FromMicroseconds(1);

    /// <summary>n1 fails at 10 s and is tainted unreachable:NoExecute at 60 s; n2 keeps the zone from being fully disrupted.</summary>
    private static (TestCluster Cluster, Pod Pod) PodOnFailingNode(params Toleration[] tolerations)
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = tolerations.Length == 0
            ? cluster.Create(new PodBuilder("p").OnNode("n1"))
            : cluster.CreateWith(new PodBuilder("p").OnNode("n1"), tolerations);
        cluster.FailAt("10s", "n1");
        return (cluster, pod);
    }

    [Theory]
    // DefaultTolerationSeconds: 300 s after the taint (fact 9: deleted ≈350-355 s after the failure).
    [InlineData(null, "360s")]
    [InlineData(60L, "120s")]
    [InlineData(0L, "60s")]
    // Negative tolerationSeconds count as 0.
    [InlineData(-5L, "60s")]
    // No limit: the pod stays on the unreachable node.
    [InlineData(long.MaxValue, null)]
    public void Pods_on_an_unreachable_node_are_deleted_after_their_toleration(long? seconds, string? deletedAt)
    {
        var tolerations = seconds switch
        {
            null => [],
            long.MaxValue => new[] { Tolerates(Unreachable, null) },
            { } s => [Tolerates(Unreachable, s)],
        };
        var (cluster, pod) = PodOnFailingNode(tolerations);
        cluster.RunTo("60s");
        Assert.True(cluster.Node("n1").Unreachable());

        if (deletedAt is null)
        {
            cluster.RunTo("2h");
            Assert.False(pod.IsTerminating);
            Assert.Empty(cluster.Events("TaintManagerEviction"));
            return;
        }
        cluster.Engine.RunUntil(At(deletedAt) - OneMicrosecond);
        Assert.Equal(At(deletedAt) == At("60s"), pod.IsTerminating);
        cluster.RunTo(deletedAt);
        Assert.Equal(At(deletedAt), pod.Metadata.DeletionTimestamp);
        Assert.Equal(new ClusterEvent(At(deletedAt), EventType.Normal, "TaintManagerEviction", "Pod", "default/p",
            "Marking for deletion Pod default/p", "taint-eviction-controller"), Assert.Single(cluster.Events("TaintManagerEviction")));

        // No kubelet confirms the deletion on a dead node: the pod stays Terminating.
        cluster.RunTo("2h");
        Assert.Same(pod, cluster.Store.GetPod(pod.Key));
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
    }

    /// <summary>Fact 9 over a spread of failure times: deletion 350-355 s after the failure, never before 300 s after the taint.</summary>
    [Theory]
    [InlineData("10s", "60s", "360s")]
    [InlineData("11s", "65s", "365s")]
    [InlineData("14.999999s", "65s", "365s")]
    public void Fact_9_unreachable_after_50_to_55s_deleted_300s_after_the_taint(string failedAt, string taintedAt, string deletedAt)
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        cluster.FailAt(failedAt, "n1");

        var tainted = cluster.FirstTimes(["n1"], n => n.Unreachable(), "120s", "0.5s")["n1"];
        Assert.Equal(At(taintedAt), tainted);
        Assert.InRange((tainted!.Value - At(failedAt)).TotalSeconds, 50, 55);

        cluster.Engine.RunUntil(At(deletedAt) - OneMicrosecond);
        Assert.False(pod.IsTerminating);
        cluster.RunTo(deletedAt);
        Assert.Equal(At(deletedAt), pod.Metadata.DeletionTimestamp);
        Assert.InRange((At(deletedAt) - At(failedAt)).TotalSeconds, 350, 355);
    }

    [Fact]
    public void A_NoExecute_taint_the_pod_does_not_tolerate_deletes_it_at_once()
    {
        var cluster = NewCluster(new NodeBuilder("n1"));
        var tolerant = cluster.CreateWith(new PodBuilder("tolerant").OnNode("n1"), new Toleration("dedicated", TolerationOperator.Equal, "x", TaintEffect.NoExecute));
        var other = cluster.Create(new PodBuilder("other").OnNode("n1"));
        cluster.RunTo("30s");

        var node = cluster.Node("n1");
        node.Spec.Taints = [new Taint("dedicated", "x", TaintEffect.NoExecute)];
        cluster.Store.UpdateNode(node);

        Assert.Equal(At("30s"), other.Metadata.DeletionTimestamp);
        Assert.False(tolerant.IsTerminating);
        // The kubelet is up: it stops the pod within its 30 s grace period and it is gone.
        cluster.RunTo("60s");
        Assert.Null(cluster.Store.GetPod(other.Key));
        Assert.Same(tolerant, cluster.Store.GetPod(tolerant.Key));
    }

    [Fact]
    public void A_pod_bound_to_an_already_tainted_node_is_deleted_its_toleration_after_binding()
    {
        var cluster = NewCluster(new NodeBuilder("n1").Taint("maintenance", "", TaintEffect.NoExecute));
        cluster.RunTo("20s");
        var pod = cluster.CreateWith(new PodBuilder("p").OnNode("n1"), Tolerates("maintenance", 60));

        cluster.RunTo("79.999999s");
        Assert.False(pod.IsTerminating);
        cluster.RunTo("80s");
        Assert.Equal(At("80s"), pod.Metadata.DeletionTimestamp);
    }

    /// <summary>Like kube, a deletion already decided is kept when a new taint would call for an earlier one.</summary>
    [Fact]
    public void A_deletion_decided_earlier_is_not_brought_forward_by_a_new_taint()
    {
        var (cluster, pod) = PodOnFailingNode(Tolerates(Unreachable, 300), Tolerates("maintenance", 10));
        cluster.RunTo("100s");
        var node = cluster.Node("n1");
        node.Spec.Taints = [.. node.Spec.Taints, new Taint("maintenance", "", TaintEffect.NoExecute)];
        cluster.Store.UpdateNode(node);

        Assert.Equal(At("360s"), cluster.Sim.Controllers.TaintEviction.ScheduledDeletion(pod.Key));
        cluster.RunTo("359s");
        Assert.False(pod.IsTerminating);
        cluster.RunTo("360s");
        Assert.True(pod.IsTerminating);
    }

    [Fact]
    public void A_pod_removed_before_its_deletion_cancels_it_with_an_event()
    {
        var (cluster, pod) = PodOnFailingNode();
        cluster.RunTo("100s");
        cluster.Store.RemovePod(pod);

        Assert.Null(cluster.Sim.Controllers.TaintEviction.ScheduledDeletion(pod.Key));
        var cancelled = Assert.Single(cluster.Events("TaintManagerEviction"));
        Assert.Equal((At("100s"), "Cancelling deletion of Pod default/p"), (cancelled.Time, cancelled.Message));
        cluster.RunTo("1h");
        Assert.Single(cluster.Events("TaintManagerEviction"));
    }

    /// <summary>GetMatchingTolerations + getMinTolerationTime: the first matching toleration per taint counts.</summary>
    [Theory]
    [InlineData("unreachable", "unreachable=300", 300L)]
    [InlineData("unreachable", "*=forever", -1L)]
    [InlineData("unreachable,other", "unreachable=300 other=20", 20L)]
    [InlineData("unreachable,other", "unreachable=300 other=forever", 300L)]
    [InlineData("unreachable,other", "unreachable=300", null)]
    // The first toleration that matches the taint is the one used, even if a later one is shorter.
    [InlineData("unreachable", "*=forever unreachable=5", -1L)]
    [InlineData("unreachable", "unreachable=-7", 0L)]
    public void The_smallest_toleration_of_the_matching_ones_decides(string taints, string tolerations, long? expectedSeconds)
    {
        var taintList = taints.Split(',').Select(k => new Taint(k, "", TaintEffect.NoExecute)).ToList();
        var tolerationList = tolerations.Split(' ').Select(t =>
        {
            var (key, value) = (t.Split('=')[0], t.Split('=')[1]);
            return Tolerates(key == "*" ? "" : key, value == "forever" ? null : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();

        var min = TaintEvictionController.MinTolerationTime(taintList, tolerationList);
        Assert.Equal(expectedSeconds, min is { } d ? (d < SimDuration.Zero ? -1 : (long)d.TotalSeconds) : null);
    }

    /// <summary>
    /// Fact 9 end to end: the ReplicaSet's pod on the failed node is deleted 300 s after the taint
    /// and replaced at once on the healthy node, with a new name and a new IP; the old one stays
    /// Terminating while its node is down.
    /// </summary>
    [Fact]
    public void An_evicted_replica_is_replaced_at_once_with_a_new_name_and_ip()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var rs = new ReplicaSetBuilder("web").Replicas(1).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("5s");
        var original = Assert.Single(cluster.Store.Pods);
        var failed = original.Spec.NodeName;
        cluster.FailAt("10s", failed);

        cluster.RunTo("359s");
        Assert.Single(cluster.Store.Pods);
        cluster.RunTo("360s");
        Assert.True(original.IsTerminating);
        var replacement = Assert.Single(cluster.Store.Pods, p => p != original);
        Assert.NotEqual(original.Name, replacement.Name);
        Assert.NotEqual(failed, replacement.Spec.NodeName);

        cluster.RunTo("400s");
        Assert.Equal(PodPhase.Running, replacement.Status.Phase);
        Assert.NotEqual(original.Status.PodIP, replacement.Status.PodIP);
        Assert.Same(original, cluster.Store.GetPod(original.Key));
    }
}
