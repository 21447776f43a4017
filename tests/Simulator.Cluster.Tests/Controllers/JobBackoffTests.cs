using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Reference fact 12: a Job (restartPolicy Never) whose pods always fail re-creates each one
/// 10 s·2^(f−1) after the f-th failure, capped at 10 min (MaxJobPodFailureBackOff), and fails
/// with BackoffLimitExceeded once failures exceed backoffLimit.
/// </summary>
public class JobBackoffTests
{
    private static SimTime FailedAt(TestCluster cluster, Pod pod) => cluster.EventsFor(pod, "Failed").Single().Time;

    /// <summary>Seconds from each pod's failure to the creation of the next pod.</summary>
    private static List<double> RecreationDelays(TestCluster cluster, List<Pod> pods) =>
        pods.Skip(1).Select((next, i) => (next.Metadata.CreationTimestamp - FailedAt(cluster, pods[i])).TotalSeconds).ToList();

    [Fact]
    public void Pods_that_always_fail_are_recreated_10_20_40_80_160_320_s_after_each_failure_and_the_7th_failure_fails_the_job()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("flaky").Runs("1m").FailureProbability(1));
        cluster.RunFor("2h");

        var pods = cluster.PodsOf(job);
        Assert.Equal(7, pods.Count);
        Assert.All(pods, p => Assert.Equal(PodPhase.Failed, p.Status.Phase));
        Assert.Equal(new double[] { 10, 20, 40, 80, 160, 320 }, RecreationDelays(cluster, pods));

        var seventh = FailedAt(cluster, pods[6]);
        var condition = Assert.Single(job.Status.Conditions);
        Assert.Equal(new JobCondition(JobConditionType.Failed, seventh, "BackoffLimitExceeded", "Job has reached the specified backoff limit"), condition);
        Assert.Equal((0, 0, 7), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        Assert.Null(job.Status.CompletionTime);

        var exceeded = cluster.EventsFor(job, "BackoffLimitExceeded").Single();
        Assert.Equal((EventType.Warning, seventh, JobController.ComponentName), (exceeded.Type, exceeded.Time, exceeded.Source));
        Assert.Equal(7, cluster.EventsFor(job, "SuccessfulCreate").Count());
        Assert.Empty(cluster.EventsFor(job, "SuccessfulDelete")); // finished pods are kept
    }

    [Fact]
    public void The_recreation_backoff_is_capped_at_10_min()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("flaky").Runs("1m").FailureProbability(1).BackoffLimit(9));
        cluster.RunFor("3h");

        var pods = cluster.PodsOf(job);
        Assert.Equal(new double[] { 10, 20, 40, 80, 160, 320, 600, 600, 600 }, RecreationDelays(cluster, pods));
        Assert.Equal(10, job.Status.Failed);
        Assert.Equal("BackoffLimitExceeded", job.Status.Conditions.Single().Reason);
    }

    [Fact]
    public void With_backoffLimit_0_the_first_failure_fails_the_job()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("once").Runs("1m").FailureProbability(1).BackoffLimit(0));
        cluster.RunFor("1h");

        var pod = Assert.Single(cluster.PodsOf(job));
        Assert.Equal(FailedAt(cluster, pod), job.Status.Conditions.Single().LastTransitionTime);
        Assert.Equal(1, job.Status.Failed);
    }

    [Fact]
    public void A_pod_deleted_while_running_counts_as_a_failure_and_is_replaced_after_10_s()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("evicted").Runs("1h"));
        cluster.RunTo("30s");
        var first = Assert.Single(cluster.PodsOf(job));
        cluster.Delete(first);
        cluster.RunTo("39.999999s");
        Assert.Single(cluster.PodsOf(job)); // the terminating pod
        Assert.Equal(1, job.Status.Failed);
        Assert.Equal(0, job.Status.Active);

        cluster.RunTo("40s");
        var replacement = cluster.PodsOf(job).Single(p => p != first);
        Assert.Equal(TestCluster.At("40s"), replacement.Metadata.CreationTimestamp);
        Assert.Equal(1, job.Status.Active);
    }

    // ---- the backoff record itself ----

    [Theory]
    [InlineData(0, 0, 0)]       // no failure since the last success: create now
    [InlineData(1, 0, 10)]
    [InlineData(1, 4, 6)]       // counted from the last failure
    [InlineData(1, 10, 0)]
    [InlineData(2, 0, 20)]
    [InlineData(6, 0, 320)]
    [InlineData(7, 0, 600)]     // 640 s capped at MaxJobPodFailureBackOff
    [InlineData(30, 100, 500)]
    public void Remaining_backoff_after_f_failures(int failures, long secondsSinceLastFailure, long expectedSeconds)
    {
        var backoff = new JobBackoff();
        var last = TestCluster.At("1h");
        for (int i = 0; i < failures; i++) backoff.Failed(last);
        var remaining = backoff.RemainingAt(last + SimDuration.FromSeconds(secondsSinceLastFailure),
            SimDuration.FromSeconds(10), SimDuration.FromMinutes(10));
        Assert.Equal(SimDuration.FromSeconds(expectedSeconds), remaining);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var backoff = new JobBackoff();
        var now = TestCluster.At("1h");
        backoff.Failed(now);
        backoff.Failed(now);
        backoff.Succeeded();
        Assert.Equal(SimDuration.Zero, backoff.RemainingAt(now, SimDuration.FromSeconds(10), SimDuration.FromMinutes(10)));
        backoff.Failed(now);
        Assert.Equal(SimDuration.FromSeconds(10), backoff.RemainingAt(now, SimDuration.FromSeconds(10), SimDuration.FromMinutes(10)));
    }
}
