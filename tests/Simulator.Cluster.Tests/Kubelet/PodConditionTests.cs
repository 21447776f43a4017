using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// Pod conditions as Kubernetes sets them: PodScheduled by the binding (or False/Unschedulable by
/// the scheduler), then the kubelet's Initialized, ContainersReady and Ready
/// (pkg/kubelet/status/generate.go), listed in that order.
/// </summary>
public class PodConditionTests
{
    private static readonly PodConditionType[] AllTypes =
        [PodConditionType.PodScheduled, PodConditionType.Initialized, PodConditionType.ContainersReady, PodConditionType.Ready];

    private static PodCondition Condition(Pod pod, PodConditionType type) => pod.Status.GetCondition(type)!;

    private static void AssertCondition(Pod pod, PodConditionType type, ConditionStatus status, string since, string reason = "")
    {
        var c = Condition(pod, type);
        Assert.Equal(status, c.Status);
        Assert.Equal(TestCluster.At(since), c.LastTransitionTime);
        Assert.Equal(reason, c.Reason);
    }

    /// <summary>
    /// generate.go: while a container waits (here for its image), ContainersReady and Ready are
    /// False with reason ContainersNotReady ("containers with unready status: [main]").
    /// </summary>
    [Fact]
    public void While_its_image_is_pulled_a_bound_pod_is_initialized_but_not_ready()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("web").Image("registry.example/web:1", 1L << 30));
        cluster.RunTo("5s");

        Assert.Equal(AllTypes, pod.Status.Conditions.Select(c => c.Type));
        AssertCondition(pod, PodConditionType.PodScheduled, ConditionStatus.True, "0s");
        AssertCondition(pod, PodConditionType.Initialized, ConditionStatus.True, "0s");
        AssertCondition(pod, PodConditionType.ContainersReady, ConditionStatus.False, "0s", "ContainersNotReady");
        AssertCondition(pod, PodConditionType.Ready, ConditionStatus.False, "0s", "ContainersNotReady");
    }

    [Fact]
    public void A_running_pod_has_all_four_conditions_true()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("web").Image("registry.example/web:1", 1L << 30));
        cluster.RunTo("1m");

        Assert.Equal(AllTypes, pod.Status.Conditions.Select(c => c.Type));
        AssertCondition(pod, PodConditionType.PodScheduled, ConditionStatus.True, "0s");
        AssertCondition(pod, PodConditionType.Initialized, ConditionStatus.True, "0s");
        AssertCondition(pod, PodConditionType.ContainersReady, ConditionStatus.True, "11.24s");
        AssertCondition(pod, PodConditionType.Ready, ConditionStatus.True, "11.24s");
    }

    [Fact]
    public void A_succeeded_pod_is_no_longer_ready_with_reason_PodCompleted()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("10s"));
        cluster.RunTo("1m");

        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        AssertCondition(pod, PodConditionType.PodScheduled, ConditionStatus.True, "0s");
        Assert.Equal(ConditionStatus.True, Condition(pod, PodConditionType.Initialized).Status);
        AssertCondition(pod, PodConditionType.ContainersReady, ConditionStatus.False, "11s", "PodCompleted");
        AssertCondition(pod, PodConditionType.Ready, ConditionStatus.False, "11s", "PodCompleted");
    }

    [Fact]
    public void An_unschedulable_pod_has_only_PodScheduled_false_until_it_is_bound()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("small").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2"));
        cluster.RunTo("10s");

        var scheduled = Assert.Single(pod.Status.Conditions);
        Assert.Equal(PodConditionType.PodScheduled, scheduled.Type);
        Assert.Equal(ConditionStatus.False, scheduled.Status);
        Assert.Equal("Unschedulable", scheduled.Reason);
        Assert.Equal(cluster.EventsFor(pod, "FailedScheduling").Last().Message, scheduled.Message);
        Assert.Equal(SimTime.Zero, scheduled.LastTransitionTime);

        cluster.Sim.AddNode(TestCluster.At("60s"), new NodeBuilder("large").Cpu("4").Build());
        cluster.RunTo("2m");

        Assert.Equal("large", pod.Spec.NodeName);
        AssertCondition(pod, PodConditionType.PodScheduled, ConditionStatus.True, "60s");
        Assert.Equal("", Condition(pod, PodConditionType.PodScheduled).Message);
        Assert.Equal(AllTypes, pod.Status.Conditions.Select(c => c.Type));
    }
}
