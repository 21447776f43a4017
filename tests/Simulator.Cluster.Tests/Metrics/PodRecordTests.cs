using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>One row of pods.csv per pod: its times, node, phase, reason and scheduling failures.</summary>
public class PodRecordTests
{
    private const string NoRoom =
        "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";

    [Fact]
    public void A_batch_pod_that_ran_to_completion()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        cluster.RunTo("5s");
        var pod = cluster.Create(new PodBuilder("job").Cpu("1").Runs("30s").Priority(7));
        cluster.RunFor("1m");
        var r = cluster.RecordOf(pod);

        Assert.Equal(("default", "job", pod.Metadata.Uid, 7), (r.Namespace, r.Name, r.Uid, r.Priority));
        Assert.Equal(TestCluster.At("5s"), r.Created);
        Assert.Equal(TestCluster.At("5s"), r.Scheduled);
        Assert.Equal(TestCluster.At("6s"), r.Started);
        Assert.Equal(TestCluster.At("36s"), r.Finished);
        Assert.Null(r.Deleted);
        Assert.Equal(("a", "10.244.0.2", PodPhase.Succeeded), (r.Node, r.PodIP, r.Phase));
        Assert.Equal("Completed", r.Reason);
        Assert.Equal((0, ""), (r.FailedSchedulingAttempts, r.Message));
    }

    [Fact]
    public void A_pod_that_never_fits_counts_its_attempts_and_keeps_the_last_message()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2"));
        cluster.RunFor("16m");
        var r = cluster.RecordOf(pod);

        var failures = cluster.EventsFor(pod, "FailedScheduling").ToList();
        Assert.Equal(4, failures.Count); // at 0 s, then about every 5 minutes
        Assert.Equal(failures.Count, r.FailedSchedulingAttempts);
        Assert.Equal("Unschedulable", r.Reason);
        Assert.Equal(NoRoom, r.Message);
        Assert.Equal((PodPhase.Pending, ""), (r.Phase, r.Node));
        Assert.Null(r.Scheduled);
        Assert.Null(r.Started);
    }

    [Fact]
    public void A_pod_that_waited_then_completed()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("first").Cpu("1").Runs("30s"));
        var pod = cluster.Create(new PodBuilder("second").Cpu("1").Runs("30s"));
        cluster.RunFor("2m");
        var r = cluster.RecordOf(pod);

        // "first" runs from 1 s to 31 s; "second" is bound at 31 s and runs from 32 s to 62 s.
        Assert.Equal(TestCluster.At("31s"), r.Scheduled);
        Assert.Equal(TestCluster.At("32s"), r.Started);
        Assert.Equal(TestCluster.At("62s"), r.Finished);
        Assert.Equal((1, NoRoom), (r.FailedSchedulingAttempts, r.Message));
        Assert.Equal("Completed", r.Reason);
    }

    /// <summary>Reason says why the pod is where it is; a pod that found a node is no longer Unschedulable.</summary>
    [Fact]
    public void A_pod_that_waited_and_now_runs_is_no_longer_reported_unschedulable()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("first").Cpu("1").Runs("30s"));
        var pod = cluster.Create(new PodBuilder("second").Cpu("1"));
        cluster.RunFor("2m");
        var r = cluster.RecordOf(pod);

        Assert.Equal(PodPhase.Running, r.Phase);
        Assert.Equal(1, r.FailedSchedulingAttempts);
        Assert.NotEqual("Unschedulable", r.Reason);
    }

    [Fact]
    public void A_pod_deleted_while_running_keeps_its_last_phase()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("server"));
        cluster.RunTo("10s");
        cluster.Delete(pod);
        cluster.RunFor("1m");
        var r = cluster.RecordOf(pod);

        Assert.Equal(TestCluster.At("40s"), r.Deleted);
        Assert.Null(r.Finished);
        Assert.Equal((PodPhase.Running, "Deleted"), (r.Phase, r.Reason));
        Assert.Equal(0, cluster.Sim.Metrics.CountInPhase(PodPhase.Running));
    }

    [Fact]
    public void A_pod_deleted_while_pending()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2"));
        cluster.RunTo("3s");
        cluster.Delete(pod);
        var r = cluster.RecordOf(pod);

        Assert.Equal(TestCluster.At("3s"), r.Deleted);
        Assert.Equal((PodPhase.Pending, "DeletedWhilePending"), (r.Phase, r.Reason));
        Assert.Equal(0, cluster.Sim.Metrics.CountInPhase(PodPhase.Pending));
    }

    [Fact]
    public void A_finished_pod_that_is_deleted_keeps_its_reason()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("5s"));
        cluster.RunTo("10s");
        cluster.Delete(pod);
        var r = cluster.RecordOf(pod);

        Assert.Equal(TestCluster.At("10s"), r.Deleted); // a finished pod goes at once
        Assert.Equal((PodPhase.Succeeded, "Completed"), (r.Phase, r.Reason));
        Assert.Equal(TestCluster.At("6s"), r.Finished);
    }

    [Fact]
    public void Phase_counts_follow_every_pod()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        cluster.Create(new PodBuilder("job").Cpu("1").Runs("5s"));
        cluster.Create(new PodBuilder("server").Cpu("1"));
        cluster.Create(new PodBuilder("waiting").Cpu("2"));
        cluster.RunTo("30s");

        var m = cluster.Sim.Metrics;
        Assert.Equal((1, 1, 1, 0),
            (m.CountInPhase(PodPhase.Pending), m.CountInPhase(PodPhase.Running), m.CountInPhase(PodPhase.Succeeded), m.CountInPhase(PodPhase.Failed)));
    }
}
