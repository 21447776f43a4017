using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using KubeletComponent = Simulator.Cluster.Kubelet.Kubelet;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// Restarts in place under restartPolicy OnFailure and Always: the kubelet's CrashLoopBackOff
/// waits 10 s after an exit, doubling up to 5 min, and forgets earlier exits once a container has
/// run for 10 min. The pod stays Running, not Ready, while it waits; the restarted container then
/// takes the kubelet's container start time (1 s) to run again.
/// </summary>
public class RestartBackoffTests
{
    private static readonly SimDuration StartTime = SimDuration.FromSeconds(1);

    private static List<SimTime> Times(TestCluster cluster, Pod pod, string reason) =>
        cluster.EventsFor(pod, reason).Select(e => e.Time).ToList();

    /// <summary>Seconds from each exit to the restart that followed it, not counting the container start time.</summary>
    private static List<double> Delays(TestCluster cluster, Pod pod, string exitReason)
    {
        var exits = Times(cluster, pod, exitReason);
        var starts = Times(cluster, pod, "Started");
        return exits.Take(starts.Count - 1).Select((exit, i) => (starts[i + 1] - exit - StartTime).TotalSeconds).ToList();
    }

    [Fact]
    public void A_failing_container_is_restarted_after_10_20_40_s_and_so_on_capped_at_5_min()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("crash").Runs("1m").FailureProbability(1).Restart(RestartPolicy.OnFailure));
        cluster.RunFor("30m");

        Assert.Equal(new double[] { 10, 20, 40, 80, 160, 300, 300 }, Delays(cluster, pod, "Failed").Take(7));
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal(Times(cluster, pod, "Started").Count - 1, pod.Status.RestartCount);
        Assert.Equal(Times(cluster, pod, "Failed"), Times(cluster, pod, "BackOff"));
    }

    [Theory]
    [InlineData("10m", new double[] { 10, 10, 10, 10 })]      // each run lasted 10 min: the backoff starts over
    [InlineData("9m59s", new double[] { 10, 20, 40, 80 })]    // one second short: it keeps doubling
    [InlineData("1m", new double[] { 10, 20, 40, 80, 160, 300, 300 })]
    public void Under_Always_a_container_that_exits_0_is_restarted_and_10_min_of_running_resets_the_backoff(string runs, double[] expected)
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("loop").Runs(runs).Restart(RestartPolicy.Always));
        cluster.RunFor("2h");

        Assert.Equal(expected, Delays(cluster, pod, "Completed").Take(expected.Length));
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Empty(cluster.EventsFor(pod, "Failed"));
        Assert.True(pod.Status.RestartCount >= expected.Length);
    }

    [Fact]
    public void Under_OnFailure_a_container_that_exits_0_completes_the_pod()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("once").Runs("1m").Restart(RestartPolicy.OnFailure));
        cluster.RunFor("10m");

        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        Assert.Equal(0, pod.Status.RestartCount);
        Assert.Empty(cluster.EventsFor(pod, "BackOff"));
    }

    [Fact]
    public void While_it_backs_off_the_pod_is_Running_but_not_Ready_with_reason_CrashLoopBackOff()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("crash").Runs("1m").FailureProbability(1).Restart(RestartPolicy.OnFailure));
        while (!cluster.EventsFor(pod, "Failed").Any()) cluster.RunFor("1s");
        var failedAt = Times(cluster, pod, "Failed").Single();
        var podName = $"crash_default({pod.Metadata.Uid})";

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal(KubeletComponent.CrashLoopBackOffReason, pod.Status.Reason);
        Assert.Equal($"back-off 10s restarting failed container=main pod={podName}", pod.Status.Message);
        Assert.Equal(0, pod.Status.RestartCount);
        foreach (var type in new[] { PodConditionType.ContainersReady, PodConditionType.Ready })
        {
            var c = pod.Status.GetCondition(type)!;
            Assert.Equal((ConditionStatus.False, "ContainersNotReady", "containers with unready status: [main]", failedAt),
                (c.Status, c.Reason, c.Message, c.LastTransitionTime));
        }
        var backOff = cluster.EventsFor(pod, "BackOff").Single();
        Assert.Equal(EventType.Warning, backOff.Type);
        Assert.Equal($"Back-off restarting failed container main in pod {podName}", backOff.Message);

        // The backoff ends: a new container (restart 1) is created, and runs a second later.
        cluster.Engine.RunUntil(failedAt + SimDuration.FromSeconds(10));
        Assert.Equal(1, pod.Status.RestartCount);
        Assert.Equal("", pod.Status.Reason);
        Assert.Equal(ConditionStatus.False, pod.Status.GetCondition(PodConditionType.Ready)!.Status);
        cluster.Engine.RunUntil(failedAt + SimDuration.FromSeconds(11));
        Assert.Equal(ConditionStatus.True, pod.Status.GetCondition(PodConditionType.Ready)!.Status);
        Assert.Equal(2, Times(cluster, pod, "Started").Count);
    }

    [Fact]
    public void A_pod_deleted_while_it_backs_off_goes_at_once_since_no_container_runs()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("crash").Runs("1m").FailureProbability(1).Restart(RestartPolicy.OnFailure));
        while (!cluster.EventsFor(pod, "Failed").Any()) cluster.RunFor("1s");
        var deletedAt = cluster.Engine.Now;

        cluster.Delete(pod);
        cluster.RunFor("0s");

        Assert.Null(cluster.Store.GetPod(pod.Key));
        Assert.Equal(deletedAt, cluster.RecordOf(pod).Deleted);
        cluster.RunFor("10m");
        Assert.Single(cluster.EventsFor(pod, "Started"));
    }

    [Theory]
    [InlineData(new long[] { 5, 5, 5, 5, 5, 5, 5, 5 }, new long[] { 10, 20, 40, 80, 160, 300, 300, 300 })]
    [InlineData(new long[] { 5, 5, 600, 5 }, new long[] { 10, 20, 10, 20 })]
    [InlineData(new long[] { 5, 5, 599, 5 }, new long[] { 10, 20, 40, 80 })]
    public void CrashLoopBackoff_doubles_to_5_min_and_resets_after_10_min_of_running(long[] ranSeconds, long[] expectedDelays)
    {
        var backoff = new CrashLoopBackoff();
        var delays = ranSeconds.Select(s => (long)backoff.Next(SimDuration.FromSeconds(s)).TotalSeconds).ToArray();
        Assert.Equal(expectedDelays, delays);
    }
}
