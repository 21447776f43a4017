using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using static Simulator.Cluster.Tests.Controllers.NodeLifecycleTestKit;

namespace Simulator.Cluster.Tests.Faults;

/// <summary>
/// Scripted timeline actions: each runs at its time and leaves the events Kubernetes would
/// (NodeNotSchedulable, RegisteredNode...) or, for what Kubernetes has no event for, a
/// fault-injector one (NodeFailed, NodeRecovered, TimelineActionSkipped).
/// </summary>
public class TimelineTests
{
    [Fact]
    public void Fail_and_recover_stop_and_restart_the_kubelet_with_events()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        cluster.FailAt("10s", "n1");
        cluster.RecoverAt("20s", "n1");

        cluster.RunTo("10s");
        Assert.Equal(At("10s"), cluster.Node("n1").Status.HeartbeatStoppedAt);
        Assert.False(cluster.Sim.Kubelets.For("n1")!.IsUp);
        cluster.RunTo("20s");
        Assert.Null(cluster.Node("n1").Status.HeartbeatStoppedAt);

        Assert.Equal(new ClusterEvent(At("10s"), EventType.Warning, "NodeFailed", "Node", "n1", "Node n1 failed (timeline)", "fault-injector"),
            Assert.Single(cluster.Events("NodeFailed")));
        Assert.Equal(new ClusterEvent(At("20s"), EventType.Normal, "NodeRecovered", "Node", "n1", "Node n1 recovered (timeline)", "fault-injector"),
            Assert.Single(cluster.Events("NodeRecovered")));
    }

    [Fact]
    public void Cordon_and_uncordon_flip_unschedulable_and_the_kubelet_reports_it()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        cluster.Do(new CordonNode(At("10s"), "n1"));
        cluster.Do(new CordonNode(At("15s"), "n1"));
        cluster.Do(new UncordonNode(At("30s"), "n1"));

        cluster.RunTo("20s");
        Assert.True(cluster.Node("n1").Spec.Unschedulable);
        var pods = Enumerable.Range(0, 4).Select(i => cluster.Create(new PodBuilder($"p{i}"))).ToList();
        cluster.RunTo("25s");
        Assert.All(pods, p => Assert.Equal("n2", p.Spec.NodeName));

        cluster.RunTo("30s");
        Assert.False(cluster.Node("n1").Spec.Unschedulable);
        // Cordoning a cordoned node changes nothing and says nothing.
        Assert.Equal(new ClusterEvent(At("10s"), EventType.Normal, "NodeNotSchedulable", "Node", "n1",
            "Node n1 status is now: NodeNotSchedulable", "kubelet"), Assert.Single(cluster.Events("NodeNotSchedulable")));
        Assert.Equal(new ClusterEvent(At("30s"), EventType.Normal, "NodeSchedulable", "Node", "n1",
            "Node n1 status is now: NodeSchedulable", "kubelet"), Assert.Single(cluster.Events("NodeSchedulable")));
    }

    [Fact]
    public void Drain_cordons_then_evicts_every_pod_but_DaemonSet_ones()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var a = cluster.Create(new PodBuilder("a").OnNode("n1"));
        var b = cluster.Create(new PodBuilder("b").OnNode("n1"));
        var elsewhere = cluster.Create(new PodBuilder("c").OnNode("n2"));
        var daemon = new PodBuilder("agent").OnNode("n1").Build();
        var ds = new Pod
        {
            Metadata = new ObjectMeta { Name = "agent", OwnerReferences = [new OwnerReference("DaemonSet", "agent", "uid-1")] },
            Spec = daemon.Spec,
        };
        cluster.Store.CreatePod(ds);
        cluster.Do(new DrainNode(At("10s"), "n1"));

        cluster.RunTo("10s");
        Assert.True(cluster.Node("n1").Spec.Unschedulable);
        Assert.Equal(At("10s"), a.Metadata.DeletionTimestamp);
        Assert.Equal(At("10s"), b.Metadata.DeletionTimestamp);
        Assert.False(elsewhere.IsTerminating);
        Assert.False(ds.IsTerminating);
        Assert.Equal(["default/a", "default/b"], cluster.Events("Evicted").Select(e => e.ObjectName));
        Assert.All(cluster.Events("Evicted"), e =>
            Assert.Equal((EventType.Normal, "Evicted by drain of node n1", "kubectl"), (e.Type, e.Message, e.Source)));
        Assert.Single(cluster.Events("NodeNotSchedulable"));

        // Their kubelet stops them within the 30 s grace period.
        cluster.RunTo("40s");
        Assert.Null(cluster.Store.GetPod(a.Key));
        Assert.Null(cluster.Store.GetPod(b.Key));
        Assert.Same(ds, cluster.Store.GetPod(ds.Key));
    }

    [Fact]
    public void AddNodes_names_new_nodes_after_the_highest_index_ever_used()
    {
        var cluster = new TestCluster();
        var pool = cluster.AddPool(FaultTestKit.Pool("gpu", 2, new Dictionary<string, string> { ["tier"] = "gpu" }));
        cluster.Do(new AddNodes(At("10s"), "gpu", 2));
        cluster.Do(new RemoveNode(At("20s"), "gpu-3"));
        cluster.Do(new AddNodes(At("30s"), "gpu", 1));

        cluster.RunTo("10s");
        Assert.Equal(["gpu-0", "gpu-1", "gpu-2", "gpu-3"], cluster.NodeNames());
        var added = cluster.Node("gpu-3");
        Assert.Equal("gpu", added.Pool);
        Assert.Equal("gpu-3", added.Metadata.Labels[NodePool.HostnameLabel]);
        Assert.Equal("gpu", added.Metadata.Labels[NodePool.PoolLabel]);
        Assert.Equal("gpu", added.Metadata.Labels["tier"]);
        Assert.True(added.Status.IsReady());
        Assert.Equal(["gpu-2", "gpu-3"], cluster.Events("RegisteredNode").Where(e => e.Time == At("10s")).Select(e => e.ObjectName));

        cluster.RunTo("30s");
        Assert.Equal(["gpu-0", "gpu-1", "gpu-2", "gpu-4"], cluster.NodeNames());
        Assert.Equal(new ClusterEvent(At("20s"), EventType.Normal, "RemovingNode", "Node", "gpu-3",
            "Node gpu-3 event: Removing Node gpu-3 from Controller", "node-controller"), Assert.Single(cluster.Events("RemovingNode")));
        Assert.Equal(5, cluster.Sim.Faults.NodePools.NextIndex(pool.Name));
    }

    [Fact]
    public void ScaleNodePool_adds_new_indexes_and_removes_the_highest_first()
    {
        var cluster = new TestCluster();
        cluster.AddPool(FaultTestKit.Pool("cpu", 3));
        cluster.AddPool(FaultTestKit.Pool("other", 1));
        cluster.Do(new ScaleNodePool(At("10s"), "cpu", 5));
        cluster.Do(new ScaleNodePool(At("20s"), "cpu", 2));
        cluster.Do(new ScaleNodePool(At("30s"), "cpu", 2));

        cluster.RunTo("10s");
        Assert.Equal(["cpu-0", "cpu-1", "cpu-2", "other-0", "cpu-3", "cpu-4"], cluster.NodeNames());
        cluster.RunTo("30s");
        Assert.Equal(["cpu-0", "cpu-1", "other-0"], cluster.NodeNames());
        Assert.Equal(["cpu-4", "cpu-3", "cpu-2"], cluster.Events("RemovingNode").Select(e => e.ObjectName));
    }

    [Fact]
    public void Actions_on_missing_nodes_or_pools_are_skipped_with_a_warning()
    {
        var cluster = NewCluster(new NodeBuilder("n1"));
        cluster.Do(new FailNode(At("10s"), "nope"));
        cluster.Do(new AddNodes(At("1m"), "ghost", 2));
        cluster.RunTo("1m");

        Assert.Equal(
        [
            new ClusterEvent(At("10s"), EventType.Warning, "TimelineActionSkipped", "Node", "nope", "FailNode at 10s skipped: node \"nope\" not found", "fault-injector"),
            new ClusterEvent(At("1m"), EventType.Warning, "TimelineActionSkipped", "NodePool", "ghost", "AddNodes at 1m0s skipped: node pool \"ghost\" not found", "fault-injector"),
        ], cluster.Events("TimelineActionSkipped"));
        Assert.Equal(["n1"], cluster.NodeNames());
    }

    /// <summary>Pending timeline actions keep a run without a duration going until the last one.</summary>
    [Fact]
    public void A_run_without_a_duration_lasts_until_the_last_timeline_action()
    {
        var cluster = NewCluster(new NodeBuilder("n1"));
        cluster.Do(new CordonNode(At("2h"), "n1"));
        var result = cluster.Sim.Run(null);

        Assert.True(cluster.Node("n1").Spec.Unschedulable);
        Assert.InRange(result.EndTime.Microseconds, At("2h").Microseconds, At("2h10s").Microseconds);
    }
}
