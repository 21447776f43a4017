using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Which surplus pod a ReplicaSet deletes first (kube-controller-manager's ActivePodsWithRanks):
/// a table of two pods that differ in one respect, arranged so that every later rule would pick
/// the other pod, then the same rules seen through a whole cluster.
/// </summary>
public class ReplicaSetDeletionOrderTests
{
    /// <summary>One pod's situation; the defaults describe a Running pod Ready since t=0 on node n1.</summary>
    public sealed record Situation(
        string Node = "n1",
        PodPhase Phase = PodPhase.Running,
        string? ReadySince = "0s",
        int DeletionCost = 0,
        int Rank = 1,
        int Restarts = 0,
        string Created = "0s",
        string Uid = "uid-x",
        string Name = "pod-b");

    private static readonly SimTime Now = TestCluster.At("1000s");

    /// <summary>(rule, the pod that must go first, the other). "A" defaults to a UID and name that sort after "B"'s.</summary>
    public static TheoryData<string, Situation, Situation> Cases => new()
    {
        { "unscheduled before scheduled", new(Node: "", Phase: PodPhase.Pending, ReadySince: null, Uid: "uid-y"), new(Phase: PodPhase.Pending, ReadySince: null) },
        { "Pending before Running", new(Phase: PodPhase.Pending, ReadySince: null, Uid: "uid-y"), new(ReadySince: null) },
        { "not Ready before Ready, whatever the deletion cost", new(ReadySince: null, DeletionCost: 100, Uid: "uid-y"), new(DeletionCost: -100) },
        { "lower deletion cost before doubled up", new(DeletionCost: -1, Rank: 1, Uid: "uid-y"), new(Rank: 5) },
        { "doubled up before recently Ready", new(Rank: 3, ReadySince: "0s", Uid: "uid-y"), new(Rank: 1, ReadySince: "990s") },
        { "more recently Ready before more restarts", new(ReadySince: "990s", Uid: "uid-y"), new(ReadySince: "10s", Restarts: 5) },
        { "Ready in the same log2 bucket: by UID, before restarts", new(ReadySince: "500s", Uid: "uid-a"), new(ReadySince: "501s", Restarts: 5, Uid: "uid-b") },
        { "more restarts before newer", new(Restarts: 2, Created: "0s", Uid: "uid-y"), new(Restarts: 1, Created: "900s") },
        { "newer before older", new(ReadySince: "950s", Created: "900s", Uid: "uid-y"), new(ReadySince: "950s", Created: "10s") },
        { "created in the same log2 bucket: by UID", new(Created: "499s", Uid: "uid-a"), new(Created: "500s", Uid: "uid-b") },
        { "a full tie: by name", new(Uid: "uid-same", Name: "pod-a"), new(Uid: "uid-same", Name: "pod-b") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deletes_first(string rule, Situation first, Situation other)
    {
        var a = Build(first with { Name = first.Name == "pod-b" ? "pod-c" : first.Name });
        var b = Build(other);
        var ranking = new ActivePodsRanking(new Dictionary<Pod, int> { [a] = first.Rank, [b] = other.Rank }, Now);

        Assert.True(ranking.Compare(a, b) < 0, rule);
        Assert.True(ranking.Compare(b, a) > 0, rule);
    }

    [Theory]
    [InlineData("-5", -5)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("not-a-number", 0)]
    [InlineData(null, 0)]
    public void Deletion_cost_is_an_int32_annotation_defaulting_to_0(string? value, int expected)
    {
        var pod = Build(new Situation());
        if (value is not null)
            pod = new Pod
            {
                Metadata = new ObjectMeta { Name = "p", Annotations = new Dictionary<string, string> { [ActivePodsRanking.DeletionCostAnnotation] = value } },
                Spec = pod.Spec,
            };
        Assert.Equal(expected, ActivePodsRanking.DeletionCost(pod));
    }

    private static Pod Build(Situation s)
    {
        var annotations = s.DeletionCost == 0
            ? ObjectMeta.EmptyMap
            : new Dictionary<string, string> { [ActivePodsRanking.DeletionCostAnnotation] = s.DeletionCost.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = s.Name, Uid = s.Uid, Annotations = annotations, CreationTimestamp = TestCluster.At(s.Created) },
            Spec = new PodSpec { NodeName = s.Node },
            Status = new PodStatus { Phase = s.Phase, RestartCount = s.Restarts },
        };
        if (s.ReadySince is { } since)
            pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.True, TestCluster.At(since));
        else
            pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, SimTime.Zero);
        return pod;
    }

    [Fact]
    public void A_cluster_scale_down_deletes_the_unscheduled_pod_first()
    {
        // Room for two 1-CPU pods: the third never gets a node.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var rs = new ReplicaSetBuilder("web").Replicas(3).Template(ReplicaSetBuilder.Template("web", cpu: "1")).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("10s");
        var unscheduled = Assert.Single(ReplicaSetControllerTests.PodsOf(cluster, rs), p => !p.IsBound);

        rs.Spec.Replicas = 2;
        cluster.Store.ReplicaSets.Update(rs);
        cluster.RunTo("10s");

        Assert.Null(cluster.Store.GetPod(unscheduled.Key));
        Assert.All(ReplicaSetControllerTests.PodsOf(cluster, rs), p => Assert.Equal(PodPhase.Running, p.Status.Phase));
    }

    [Fact]
    public void A_cluster_scale_down_deletes_from_the_node_with_more_of_its_pods()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
        var rs = new ReplicaSetBuilder("web").Replicas(3).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.RunTo("10s");
        var crowded = ReplicaSetControllerTests.PodsOf(cluster, rs).GroupBy(p => p.Spec.NodeName).Single(g => g.Count() == 2).Key;

        rs.Spec.Replicas = 2;
        cluster.Store.ReplicaSets.Update(rs);
        cluster.RunTo("10s");

        var deleted = Assert.Single(ReplicaSetControllerTests.PodsOf(cluster, rs), p => p.IsTerminating);
        Assert.Equal(crowded, deleted.Spec.NodeName);
        Assert.Equal(["a", "b"], ReplicaSetControllerTests.ActivePodsOf(cluster, rs).Select(p => p.Spec.NodeName).Order(StringComparer.Ordinal));
    }
}
