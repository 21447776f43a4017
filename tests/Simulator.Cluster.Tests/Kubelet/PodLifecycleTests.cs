using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// What the kubelet does once a pod runs: a batch pod (ksim.dev/duration) succeeds that long
/// after it started; a pod without one runs until deleted; a deleted running pod keeps its node
/// for its termination grace period (30 s by default).
/// </summary>
public class PodLifecycleTests
{
    [Fact]
    public void A_pod_with_a_duration_succeeds_exactly_that_long_after_it_started_running()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("90s"));

        cluster.RunTo("90.999999s");
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        cluster.RunTo("91s");
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        Assert.Equal("Completed", pod.Status.Reason);

        var record = cluster.RecordOf(pod);
        Assert.Equal(TestCluster.At("1s"), record.Started);
        Assert.Equal(TestCluster.At("91s"), record.Finished);
        Assert.Equal(TestCluster.At("91s"), cluster.EventsFor(pod, "Completed").Single().Time);
    }

    /// <summary>The Completed event reports how long the container ran, not how long since the kubelet admitted the pod.</summary>
    [Fact]
    public void The_completed_event_reports_the_containers_run_time()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("90s").Image("registry.example/job:1", 1L << 30));
        cluster.RunFor("5m");

        Assert.Equal("Container main completed after 1m30s", cluster.EventsFor(pod, "Completed").Single().Message);
    }

    [Fact]
    public void A_pod_with_a_duration_is_counted_from_the_end_of_its_image_pull()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("90s").Image("registry.example/job:1", 1L << 30));
        cluster.RunFor("5m");

        Assert.Equal(TestCluster.At("101.24s"), cluster.RecordOf(pod).Finished);
    }

    [Fact]
    public void A_pod_without_a_duration_keeps_running()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("server"));
        cluster.RunFor("24h");

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Null(cluster.RecordOf(pod).Finished);
        Assert.Empty(cluster.EventsFor(pod, "Completed"));
    }

    [Theory]
    [InlineData(null, "50s")] // the Kubernetes default, 30 s
    [InlineData("5s", "25s")]
    [InlineData("0s", "20s")]
    public void A_deleted_running_pod_holds_its_node_for_its_grace_period(string? grace, string removed)
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var builder = new PodBuilder("old").Cpu("2");
        var pod = cluster.Create(grace is null ? builder : builder.GracePeriod(grace));
        cluster.RunTo("20s");
        cluster.Delete(pod);
        var waiting = cluster.Create(new PodBuilder("new").Cpu("2"));
        Assert.Equal(TestCluster.At("20s"), cluster.EventsFor(pod, "Killing").Single().Time);

        var removedAt = TestCluster.At(removed);
        cluster.Engine.RunUntil(removedAt - SimDuration.FromMicroseconds(1));
        if (grace != "0s")
        {
            Assert.Same(pod, cluster.Store.GetPod(pod.Key));
            Assert.True(pod.IsTerminating);
            Assert.Equal(PodPhase.Running, pod.Status.Phase);
            Assert.Equal(2000, cluster.Sim.Scheduler.Cache.Get("a")!.Requested(ResourceIndex.Cpu));
            Assert.False(waiting.IsBound);
        }

        cluster.RunTo(removed);
        Assert.Null(cluster.Store.GetPod(pod.Key));
        var record = cluster.RecordOf(pod);
        Assert.Equal(removedAt, record.Deleted);
        Assert.Equal("Deleted", record.Reason);
        Assert.Equal(PodPhase.Running, record.Phase);
        Assert.Equal(removedAt, cluster.RecordOf(waiting).Scheduled);
    }

    [Fact]
    public void A_pod_deleted_during_its_image_pull_goes_at_once_and_never_runs()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("web").Image("registry.example/web:1", 1L << 30));
        cluster.RunTo("5s");
        cluster.Delete(pod);
        cluster.RunTo("5s");

        var record = cluster.RecordOf(pod);
        Assert.Null(cluster.Store.GetPod(pod.Key));
        Assert.Equal(TestCluster.At("5s"), record.Deleted);
        Assert.Null(record.Started);
        Assert.Equal("Deleted", record.Reason);
        cluster.RunFor("1m");
        Assert.Empty(cluster.EventsFor(pod, "Started"));
    }

    [Fact]
    public void A_pod_deleted_before_it_was_scheduled_goes_at_once()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"));
        var pod = cluster.Create(new PodBuilder("big").Cpu("2"));
        cluster.RunTo("7s");
        cluster.Delete(pod);

        var record = cluster.RecordOf(pod);
        Assert.Null(cluster.Store.GetPod(pod.Key));
        Assert.Equal(TestCluster.At("7s"), record.Deleted);
        Assert.Equal("DeletedWhilePending", record.Reason);
        Assert.Equal(0, cluster.Sim.Scheduler.Queue.Count);
    }

    [Fact]
    public void A_finished_pod_no_longer_holds_its_node()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var job = cluster.Create(new PodBuilder("job").Cpu("2").Runs("10s"));
        var next = cluster.Create(new PodBuilder("next").Cpu("2"));
        cluster.RunFor("1m");

        Assert.True(job.IsTerminal);
        Assert.Same(job, cluster.Store.GetPod(job.Key)); // a finished pod stays until deleted
        Assert.Equal("a", next.Spec.NodeName);
        Assert.Equal(TestCluster.At("11s"), cluster.RecordOf(next).Scheduled);
    }
}
