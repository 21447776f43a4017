using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// Scale-down: a node with pods is drained through evictions (its controller re-creates them
/// elsewhere) and deleted; CA's drainability rules keep a node for a bare pod, a pod annotated
/// safe-to-evict "false" or one a PodDisruptionBudget protects; a group never goes below its
/// min; empty nodes go in bulk, up to max-scale-down-parallelism (10) in one scan; a node whose
/// pods fit nowhere else stays.
/// </summary>
public class AutoscalerScaleDownTests
{
    private const string HostnameLabel = "kubernetes.io/hostname";

    [Fact]
    public void A_node_with_a_deployment_s_pod_is_drained_the_pod_recreated_elsewhere_and_the_node_deleted()
    {
        // One replica on each 8-CPU node (1 CPU, 0.125): cpu-0's replica fits cpu-1; cpu-1's could only go to cpu-0.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 2)).StartAutoscaler();
        var deployment = new DeploymentBuilder("web").Replicas(2).Template(ReplicaSetBuilder.Template("web", cpu: "1")).Build();
        cluster.Store.Deployments.Create(deployment);
        cluster.RunTo("5s");
        var onCpu0 = Assert.Single(cluster.LivePods("web"), p => p.Spec.NodeName == "cpu-0");

        cluster.RunTo("610s");
        var started = Assert.Single(cluster.AutoscalerEvents("ScaleDown"), e => e.ObjectKind == "ConfigMap");
        Assert.Equal((Seconds(610), $"Scale-down: removing node cpu-0, utilization: 0.125, pods to reschedule: {onCpu0.Name}"), (started.Time, started.Message));
        var tainted = Assert.Single(cluster.Store.GetNode("cpu-0")!.Spec.Taints, t => t.Key == ScaleDownActuator.ToBeDeletedTaint);
        Assert.Equal(TaintEffect.NoSchedule, tainted.Effect);
        var evicted = Assert.Single(cluster.EventsFor(onCpu0, "ScaleDown"));
        Assert.Equal((Seconds(610), "deleting pod for node scale down"), (evicted.Time, evicted.Message));
        Assert.True(onCpu0.IsTerminating);

        cluster.RunTo("20m");
        Assert.Equal(["cpu-1"], cluster.NodeNames());
        var removal = Assert.Single(cluster.Removals());
        Assert.Equal("cpu-0", removal.Node);
        // Deleted at the first scan after its evicted pod is gone (30 s grace period).
        var gone = cluster.RecordOf(onCpu0).Deleted!.Value;
        Assert.True(removal.Time >= gone && removal.Time < gone + SimDuration.FromSeconds(10), $"removed at {removal.Time}, pod gone at {gone}");
        Assert.Contains(cluster.AutoscalerEvents("ScaleDown"), e => e.Message == "Scale-down: node cpu-0 removed with drain");
        var live = cluster.LivePods("web");
        Assert.Equal(2, live.Count);
        Assert.All(live, p => Assert.Equal(("cpu-1", true), (p.Spec.NodeName, p.Status.Phase == PodPhase.Running)));
    }

    public enum Occupant { BarePod, BarePodSafeToEvictTrue, ReplicaSafeToEvictFalse, ReplicaUnderPdbMaxUnavailable0, Replica, KubeSystemReplica, KubeSystemReplicaUnderPdb }

    /// <summary>
    /// cpu-0 (autoscaled) holds one 1-CPU pod; "spare", a node of no pool, has room for it. Only the
    /// drainability rules decide whether cpu-0 goes.
    /// </summary>
    [Theory]
    [InlineData(Occupant.BarePod, false)]
    [InlineData(Occupant.BarePodSafeToEvictTrue, true)]
    [InlineData(Occupant.ReplicaSafeToEvictFalse, false)]
    [InlineData(Occupant.ReplicaUnderPdbMaxUnavailable0, false)]
    [InlineData(Occupant.Replica, true)]
    [InlineData(Occupant.KubeSystemReplica, false)]         // UnmovableKubeSystemPod: no PDB
    [InlineData(Occupant.KubeSystemReplicaUnderPdb, true)]  // a PDB allowing 1 disruption makes it movable
    public void Drainability_rules_decide_whether_a_node_with_one_pod_goes(Occupant occupant, bool removed)
    {
        var cluster = NewCluster().Nodes(new NodeBuilder("spare").Cpu("8").Memory("32Gi")).Pools(Pool("cpu", 0, 3, count: 1)).StartAutoscaler();
        var bare = new PodBuilder("solo").Cpu("1").Label("app", "solo").Prefer(100, HostnameLabel, "cpu-0");
        var safeFalse = new Dictionary<string, string> { [DrainRules.SafeToEvictAnnotation] = "false" };
        switch (occupant)
        {
            case Occupant.BarePod: cluster.Create(bare); break;
            case Occupant.BarePodSafeToEvictTrue: cluster.Store.CreatePod(bare.Annotated(DrainRules.SafeToEvictAnnotation, "true")); break;
            case Occupant.ReplicaSafeToEvictFalse: cluster.CreateReplicaSet("solo", 1, Template("solo", "1", annotations: safeFalse, preferNode: "cpu-0")); break;
            case Occupant.ReplicaUnderPdbMaxUnavailable0:
                cluster.Store.PodDisruptionBudgets.Create(new PodDisruptionBudget
                {
                    Metadata = new ObjectMeta { Name = "solo" },
                    Spec = new PodDisruptionBudgetSpec
                    {
                        MaxUnavailable = IntOrPercent.Absolute(0),
                        Selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "solo" }),
                    },
                });
                cluster.CreateReplicaSet("solo", 1, Template("solo", "1", preferNode: "cpu-0"));
                break;
            case Occupant.Replica: cluster.CreateReplicaSet("solo", 1, Template("solo", "1", preferNode: "cpu-0")); break;
            case Occupant.KubeSystemReplica: cluster.CreateReplicaSet("solo", 1, Template("solo", "1", preferNode: "cpu-0"), "kube-system"); break;
            case Occupant.KubeSystemReplicaUnderPdb:
                cluster.Store.PodDisruptionBudgets.Create(new PodDisruptionBudget
                {
                    Metadata = new ObjectMeta { Name = "solo", Namespace = "kube-system" },
                    Spec = new PodDisruptionBudgetSpec
                    {
                        MaxUnavailable = IntOrPercent.Absolute(1),
                        Selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "solo" }),
                    },
                });
                cluster.CreateReplicaSet("solo", 1, Template("solo", "1", preferNode: "cpu-0"), "kube-system");
                break;
        }
        cluster.RunTo("5s");
        Assert.Equal("cpu-0", Assert.Single(cluster.LivePods("solo")).Spec.NodeName);

        cluster.RunTo("30m");
        if (removed)
        {
            Assert.Equal(["cpu-0"], cluster.Removals().Select(r => r.Node));
            Assert.Equal(Seconds(610), cluster.AutoscalerEvents("ScaleDown").First(e => e.ObjectKind == "ConfigMap").Time);
        }
        else
        {
            Assert.Empty(cluster.Removals());
            Assert.Empty(cluster.AutoscalerEvents("ScaleDown"));
            Assert.Equal("cpu-0", Assert.Single(cluster.LivePods("solo")).Spec.NodeName);
        }
        // A replica is re-created on spare; a bare pod evicted with safe-to-evict "true" is gone for good.
        var expectedLive = occupant switch { Occupant.Replica or Occupant.KubeSystemReplicaUnderPdb => ["spare"], Occupant.BarePodSafeToEvictTrue => [], _ => new[] { "cpu-0" } };
        Assert.Equal(expectedLive, cluster.LivePods("solo").Select(p => p.Spec.NodeName));
    }

    [Fact]
    public void A_group_at_its_min_never_shrinks()
    {
        var cluster = NewCluster().Pools(Pool("keep", min: 1, max: 3, count: 1), Pool("some", min: 2, max: 5, count: 3)).StartAutoscaler();
        cluster.RunTo("2h");
        // "some" loses one node (3 -> its min 2) at 610 s; "keep" is at its min from the start.
        Assert.Equal([("some-0", Seconds(610))], cluster.Removals());
        Assert.Equal(["keep-0", "some-1", "some-2"], cluster.NodeNames());
    }

    [Fact]
    public void Empty_nodes_go_in_bulk_ten_in_one_scan_then_the_rest_at_the_next()
    {
        var cluster = NewCluster().Pools(Pool("cpu", min: 0, max: 12, count: 12)).StartAutoscaler();
        cluster.RunTo("10m");
        Assert.Equal(12, cluster.Store.Nodes.Count());
        cluster.RunTo("30m");
        var removals = cluster.Removals();
        Assert.Equal(12, removals.Count);
        // max-scale-down-parallelism 10 at 610 s; scale-down-delay-after-delete 0: the other two at the next scan.
        Assert.Equal(10, removals.Count(r => r.Time == Seconds(610)));
        Assert.Equal(2, removals.Count(r => r.Time == Seconds(620)));
        Assert.Equal(24, cluster.AutoscalerEvents("ScaleDownEmpty").Count); // removing and removed, per node
        Assert.Empty(cluster.Store.Nodes);
    }

    [Theory]
    [InlineData("3900m", false)] // 3.9 + 4.5 = 8.4 of 8 CPUs: cpu-0's replica fits nowhere else
    [InlineData("3500m", true)]  // 3.5 + 4.5 = 8 of 8: it fits cpu-1
    public void A_node_is_removed_only_if_its_pods_fit_elsewhere(string smallCpu, bool removed)
    {
        // cpu-1's replica (4.5 of 8: 0.56) keeps cpu-1 above the threshold; cpu-0's (< 0.5) is the candidate.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 2)).StartAutoscaler();
        cluster.CreateReplicaSet("large", 1, Template("large", "4500m", preferNode: "cpu-1"));
        cluster.CreateReplicaSet("small", 1, Template("small", smallCpu, preferNode: "cpu-0"));
        cluster.RunTo("5s");
        Assert.Equal("cpu-0", Assert.Single(cluster.LivePods("small")).Spec.NodeName);
        cluster.RunTo("30m");
        Assert.Equal(removed ? ["cpu-0"] : [], cluster.Removals().Select(r => r.Node));
        Assert.Equal(removed ? "cpu-1" : "cpu-0", Assert.Single(cluster.LivePods("small")).Spec.NodeName);
    }

    [Fact]
    public void A_node_that_is_the_only_destination_of_another_s_pods_is_not_removed_with_it()
    {
        // cpu-0 holds a 1-CPU replica that fits cpu-1; cpu-1 is empty. Both look unneeded on their
        // own, but removing both leaves the replica nowhere: only one of them may go, and the
        // replica must never be left pending.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 2)).StartAutoscaler();
        cluster.CreateReplicaSet("web", 1, Template("web", "1", preferNode: "cpu-0"));
        cluster.RunTo("5s");
        Assert.Equal("cpu-0", Assert.Single(cluster.LivePods("web")).Spec.NodeName);
        cluster.RunTo("30m");

        Assert.Single(cluster.Removals());
        Assert.Empty(cluster.AutoscalerEvents("ScaledUpGroup"));
        Assert.Empty(cluster.AutoscalerEvents("TriggeredScaleUp"));
        Assert.True(Assert.Single(cluster.LivePods("web")).IsBound);
    }

    [Fact]
    public void An_evicted_pod_gets_at_most_max_graceful_termination_sec_to_stop()
    {
        // The replica's terminationGracePeriodSeconds is 20 min; CA evicts with
        // min(20 min, max-graceful-termination-sec 600 s): drained from 610 s, the pod is gone by 1210 s
        // and the node removed at the first scan after, never with the pod still on it.
        var cluster = NewCluster().Nodes(new NodeBuilder("spare").Cpu("8").Memory("32Gi")).Pools(Pool("cpu", 0, 3, count: 1)).StartAutoscaler();
        cluster.CreateReplicaSet("slow", 1, Template("slow", "1", preferNode: "cpu-0", grace: "20m"));
        cluster.RunTo("5s");
        var first = Assert.Single(cluster.LivePods("slow"));
        Assert.Equal("cpu-0", first.Spec.NodeName);

        cluster.RunTo("30m");
        Assert.Equal(Seconds(610), Assert.Single(cluster.EventsFor(first, "ScaleDown")).Time);
        var gone = cluster.RecordOf(first).Deleted!.Value;
        Assert.True(gone <= Seconds(1210), $"the evicted pod stopped at {gone}, more than 600 s after its eviction at 610 s");
        var removal = Assert.Single(cluster.Removals());
        Assert.True(removal.Time >= gone, $"node removed at {removal.Time} with its pod still terminating until {gone}");
    }

    [Fact]
    public void A_drain_whose_evicted_pod_never_stops_fails_after_600_s_plus_30_s_and_keeps_the_node()
    {
        // cpu-0's machine dies at 611 s, just after the 610 s drain evicted its replica: the dead
        // kubelet never confirms the pod gone. CA waits max-graceful-termination-sec + 30 s, then
        // the drain fails (ScaleDownFailed, node untainted and kept) and a failed-drain cooldown starts.
        var cluster = NewCluster().Nodes(new NodeBuilder("spare").Cpu("8").Memory("32Gi")).Pools(Pool("cpu", 0, 3, count: 1)).StartAutoscaler();
        cluster.CreateReplicaSet("web", 1, Template("web", "1", preferNode: "cpu-0"));
        cluster.Sim.Faults.Schedule(new Simulator.Cluster.Faults.FailNode(Seconds(611), "cpu-0"));
        cluster.RunTo("1239s");
        Assert.Empty(cluster.AutoscalerEvents("ScaleDownFailed"));
        cluster.RunTo("1240s");
        var failed = Assert.Single(cluster.AutoscalerEvents("ScaleDownFailed"));
        Assert.Equal((Seconds(1240), "Node", "cpu-0"), (failed.Time, failed.ObjectKind, failed.ObjectName));
        Assert.StartsWith("failed to drain and delete node: pods remaining after timeout: web-", failed.Message);
        var node = cluster.Store.GetNode("cpu-0")!;
        Assert.DoesNotContain(node.Spec.Taints, t => t.Key == ScaleDownActuator.ToBeDeletedTaint);
        Assert.Empty(cluster.Removals());
        Assert.Equal(1, cluster.Sim.ClusterAutoscaler.Summarize()!.FailedDrains);
    }

    [Fact]
    public void A_dead_node_whose_evicted_pods_hang_terminating_is_removed_after_the_unready_time()
    {
        // cpu-0 (busy: 5 of 8 CPUs) dies at 10 m: NotReady and tainted at 10m50s, its replica evicted
        // 300 s later (950 s) and, its kubelet dead, Terminating for ever. Past its 30 s grace period
        // + 30 s (CA's IsPodLongTerminating, 1010 s) it counts for nothing: the node is unneeded from
        // the 1020 s scan and, NotReady, goes after scale-down-unready-time (20 min), not never.
        var cluster = NewCluster().Nodes(new NodeBuilder("spare").Cpu("8").Memory("32Gi")).Pools(Pool("cpu", 0, 3, count: 1)).StartAutoscaler();
        cluster.CreateReplicaSet("web", 1, Template("web", "5", preferNode: "cpu-0"));
        cluster.Sim.Faults.Schedule(new Simulator.Cluster.Faults.FailNode(Seconds(600), "cpu-0"));
        cluster.RunTo("2h");
        var removal = Assert.Single(cluster.Removals());
        Assert.Equal("cpu-0", removal.Node);
        Assert.Equal(Seconds(1020 + 1200), removal.Time);
        Assert.Empty(cluster.AutoscalerEvents("ScaleDownFailed"));
    }

    [Fact]
    public void Empty_nodes_are_examined_first_so_a_drain_never_fills_a_node_about_to_go()
    {
        // Replicas on cpu-0 and cpu-2, cpu-1 empty. CA sorts empty candidates first: at 610 s cpu-1
        // is deleted empty and cpu-0 drained onto cpu-2, one eviction in all (walking in node order,
        // cpu-0's pod would have gone to cpu-1, and cpu-1 been drained again 10 min later).
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 3)).StartAutoscaler();
        cluster.CreateReplicaSet("a", 1, Template("a", "1", preferNode: "cpu-0"));
        cluster.CreateReplicaSet("c", 1, Template("c", "1", preferNode: "cpu-2"));
        cluster.RunTo("1h");
        Assert.Single(cluster.Sim.Metrics.Events, e => e.Message == "deleting pod for node scale down");
        Assert.Equal(Seconds(610), cluster.Removals().Single(r => r.Node == "cpu-1").Time);
        Assert.Equal(["cpu-2"], cluster.NodeNames());
    }

    [Fact]
    public void A_node_running_only_expendable_pods_goes_as_if_empty()
    {
        // Priority -100 is below expendable-pods-priority-cutoff (-10): CA leaves the pod out of
        // scale-down, so the busy node (6 of 8 CPUs) counts as empty and goes at 610 s, pod and all.
        var cluster = NewCluster().Pools(Pool("cpu", 0, 3, count: 1)).StartAutoscaler();
        var filler = cluster.Create(new PodBuilder("filler").Cpu("6").Priority(-100).OnNode("cpu-0"));
        cluster.RunTo("609s");
        Assert.Empty(cluster.Removals());
        cluster.RunTo("610s");
        Assert.Equal([("cpu-0", Seconds(610))], cluster.Removals());
        Assert.Empty(cluster.EventsFor(filler, "ScaleDown"));
    }

    [Fact]
    public void A_node_annotated_scale_down_disabled_is_never_removed()
    {
        var pool = Pool("cpu", 0, 3, count: 1);
        var disabled = new NodePool
        {
            Name = pool.Name, Count = pool.Count, Capacity = pool.Capacity, Allocatable = pool.Allocatable, Autoscaling = pool.Autoscaling,
            Annotations = new Dictionary<string, string> { ["cluster-autoscaler.kubernetes.io/scale-down-disabled"] = "true" },
        };
        var cluster = NewCluster().Pools(disabled).StartAutoscaler();
        cluster.RunTo("1h");
        Assert.Empty(cluster.Removals());
    }
}
