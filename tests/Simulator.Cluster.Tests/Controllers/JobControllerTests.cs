using System.Text.RegularExpressions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The Job controller (kubernetes pkg/controller/job): pods stamped from the template with the
/// Job's labels and owner reference, parallelism and completions, Indexed completion mode,
/// activeDeadlineSeconds, and restartPolicy OnFailure restarts counted toward backoffLimit.
/// Pods take 1 s from creation to running (the kubelet's container start).
/// </summary>
public partial class JobControllerTests
{
    [GeneratedRegex("^work-[bcdfghjklmnpqrstvwxz2456789]{5}$")]
    private static partial Regex NonIndexedName();

    [GeneratedRegex("^shard-([0-9]+)-[bcdfghjklmnpqrstvwxz2456789]{5}$")]
    private static partial Regex IndexedName();

    /// <summary>The most pods of <paramref name="job"/> that were ever active (created and not finished) at once.</summary>
    private sealed class ActiveHighWater(Job job) : IPodWatcher
    {
        private readonly HashSet<string> _active = [];
        public int Max { get; private set; }

        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            if (pod.Metadata.Controller?.Uid != job.Metadata.Uid) return;
            if (type == WatchEventType.Deleted || pod.IsTerminal || pod.IsTerminating) _active.Remove(pod.Metadata.Uid);
            else _active.Add(pod.Metadata.Uid);
            Max = Math.Max(Max, _active.Count);
        }
    }

    [Fact]
    public void A_job_runs_one_pod_to_completion_and_reports_it_the_Kubernetes_way()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        cluster.Sim.SubmitObject(TestCluster.At("5s"), new JobBuilder("work").Runs("1m").Build());
        cluster.RunFor("10m");

        var job = cluster.Store.Jobs.Items.Single();
        var pod = Assert.Single(cluster.PodsOf(job));
        Assert.Matches(NonIndexedName(), pod.Name);
        Assert.Equal("work", pod.Metadata.Labels[JobController.JobNameLabel]);
        Assert.Equal(job.Metadata.Uid, pod.Metadata.Labels[JobController.ControllerUidLabel]);
        Assert.Equal("work", pod.Metadata.Labels["app"]);
        Assert.Equal(new OwnerReference("Job", "work", job.Metadata.Uid, Controller: true), pod.Metadata.OwnerReferences.Single());
        Assert.Equal(RestartPolicy.Never, pod.Spec.RestartPolicy);
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);

        Assert.Equal(TestCluster.At("5s"), job.Status.StartTime);
        Assert.Equal(TestCluster.At("66s"), job.Status.CompletionTime);
        Assert.Equal((0, 1, 0), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        Assert.Equal(new JobCondition(JobConditionType.Complete, TestCluster.At("66s"), "", ""), job.Status.Conditions.Single());

        var created = cluster.EventsFor(job, "SuccessfulCreate").Single();
        Assert.Equal((EventType.Normal, $"Created pod: {pod.Name}", JobController.ComponentName, TestCluster.At("5s")),
            (created.Type, created.Message, created.Source, created.Time));
        var completed = cluster.EventsFor(job, "Completed").Single();
        Assert.Equal((EventType.Normal, "Job completed", TestCluster.At("66s")), (completed.Type, completed.Message, completed.Time));
        Assert.Same(pod, cluster.Store.GetPod(pod.Key)); // a finished Job keeps its pods
    }

    /// <summary>Active pods wanted = min(parallelism, completions − succeeded): the last wave is only as large as what remains.</summary>
    [Theory]
    [InlineData(3, 6, new[] { "0s", "0s", "0s", "61s", "61s", "61s" }, "122s")]
    [InlineData(3, 5, new[] { "0s", "0s", "0s", "61s", "61s" }, "122s")]
    [InlineData(2, 1, new[] { "0s" }, "61s")]
    [InlineData(4, 2, new[] { "0s", "0s" }, "61s")]
    public void At_most_parallelism_pods_run_until_completions_pods_have_succeeded(int parallelism, int completions, string[] createdAt, string completedAt)
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = new JobBuilder("work").Parallelism(parallelism).Completions(completions).Runs("1m").Build();
        var highWater = new ActiveHighWater(job);
        cluster.Store.Watch(highWater);
        cluster.Store.Jobs.Create(job);
        cluster.RunFor("10m");

        var pods = cluster.PodsOf(job);
        Assert.Equal(createdAt.Select(TestCluster.At), pods.Select(p => p.Metadata.CreationTimestamp));
        Assert.All(pods, p => Assert.Equal(PodPhase.Succeeded, p.Status.Phase));
        Assert.Equal(Math.Min(parallelism, completions), highWater.Max);
        Assert.Equal((0, completions, 0), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        Assert.Equal(TestCluster.At(completedAt), job.Status.CompletionTime);
        Assert.Equal(JobConditionType.Complete, job.Status.Conditions.Single().Type);
    }

    [Fact]
    public void Without_completions_the_job_is_done_when_one_pod_succeeded_and_none_is_left_running()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("queue").Parallelism(3).Completions(null).Runs("1m"));
        cluster.RunFor("10m");

        Assert.Equal(3, cluster.PodsOf(job).Count);
        Assert.Equal((0, 3), (job.Status.Active, job.Status.Succeeded));
        Assert.Equal(TestCluster.At("61s"), job.Status.CompletionTime);
    }

    [Fact]
    public void An_Indexed_job_runs_each_index_once_with_the_index_in_name_label_and_annotation()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("shard").Indexed().Completions(3).Parallelism(2).Runs("1m"));
        cluster.RunFor("10m");

        var pods = cluster.PodsOf(job);
        var indexes = pods.Select(p => int.Parse(IndexedName().Match(p.Name).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([0, 1, 2], indexes.Order());
        Assert.All(pods, p =>
        {
            var index = IndexedName().Match(p.Name).Groups[1].Value;
            Assert.Equal(index, p.Metadata.Labels[JobController.CompletionIndexKey]);
            Assert.Equal(index, p.Metadata.Annotations[JobController.CompletionIndexKey]);
        });
        // The lowest pending indexes go first: 0 and 1 at once, 2 when a slot frees.
        Assert.Equal(TestCluster.At("61s"), pods.Single(p => p.Metadata.Labels[JobController.CompletionIndexKey] == "2").Metadata.CreationTimestamp);
        Assert.Equal([0, 1, 2], job.Status.CompletedIndexes);
        Assert.Equal(3, job.Status.Succeeded);
        Assert.Equal(TestCluster.At("122s"), job.Status.CompletionTime);
    }

    [Fact]
    public void An_Indexed_job_replaces_a_lost_pod_with_the_same_index_after_the_backoff()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("shard").Indexed().Completions(2).Parallelism(2).Runs("1m"));
        cluster.RunTo("30s");
        var lost = cluster.PodsOf(job).Single(p => p.Metadata.Labels[JobController.CompletionIndexKey] == "1");
        cluster.Delete(lost);
        cluster.RunFor("10m");

        var replacement = cluster.PodsOf(job).Single(p => p.Metadata.Labels[JobController.CompletionIndexKey] == "1" && p != lost);
        Assert.Matches("^shard-1-", replacement.Name);
        Assert.Equal(TestCluster.At("40s"), replacement.Metadata.CreationTimestamp);
        Assert.Equal([0, 1], job.Status.CompletedIndexes);
        Assert.Equal((2, 1), (job.Status.Succeeded, job.Status.Failed));
        Assert.Equal(TestCluster.At("101s"), job.Status.CompletionTime);
    }

    [Fact]
    public void At_activeDeadlineSeconds_the_active_pods_are_deleted_and_the_job_fails_with_DeadlineExceeded()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("slow").Parallelism(2).Completions(4).Runs("1h").ActiveDeadlineSeconds(600));
        cluster.RunTo("599.999999s");
        Assert.Empty(job.Status.Conditions);
        Assert.Equal(2, job.Status.Active);

        cluster.RunTo("600s");
        var deadline = TestCluster.At("600s");
        Assert.Equal(new JobCondition(JobConditionType.Failed, deadline, "DeadlineExceeded", "Job was active longer than specified deadline"),
            job.Status.Conditions.Single());
        Assert.Equal((0, 0, 2), (job.Status.Active, job.Status.Succeeded, job.Status.Failed));
        var pods = cluster.PodsOf(job);
        Assert.All(pods, p => Assert.Equal(deadline, p.Metadata.DeletionTimestamp));
        Assert.Equal(pods.Select(p => $"Deleted pod: {p.Name}").Order(),
            cluster.EventsFor(job, "SuccessfulDelete").Select(e => e.Message).Order());
        var exceeded = cluster.EventsFor(job, "DeadlineExceeded").Single();
        Assert.Equal((EventType.Warning, deadline), (exceeded.Type, exceeded.Time));

        cluster.RunFor("1h");
        Assert.Empty(cluster.PodsOf(job)); // gone after their grace period
        Assert.Equal(2, cluster.EventsFor(job, "SuccessfulCreate").Count());
    }

    [Fact]
    public void A_finished_job_leaves_no_timer_behind_so_a_run_without_an_end_stops_soon_after()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        cluster.Sim.SubmitObject(SimTime.Zero, new JobBuilder("quick").Runs("1m").ActiveDeadlineSeconds(36_000).Build());

        var result = cluster.Sim.Run(end: null);

        Assert.Equal(JobConditionType.Complete, cluster.Store.Jobs.Items.Single().Status.Conditions.Single().Type);
        Assert.True(result.EndTime < TestCluster.At("2m"), $"ran until {result.EndTime}");
    }

    [Fact]
    public void The_deadline_stops_retries_before_the_backoff_limit_is_reached()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("flaky").Runs("1m").FailureProbability(1).ActiveDeadlineSeconds(120));
        cluster.RunFor("1h");

        var condition = job.Status.Conditions.Single();
        Assert.Equal(("DeadlineExceeded", TestCluster.At("120s")), (condition.Reason, condition.LastTransitionTime));
        Assert.True(job.Status.Failed <= job.Spec.BackoffLimit);
        Assert.All(cluster.PodsOf(job), p => Assert.True(p.Metadata.CreationTimestamp < TestCluster.At("120s")));
    }

    [Fact]
    public void Under_OnFailure_container_restarts_count_toward_the_backoff_limit()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var job = cluster.Create(new JobBuilder("crashy").Restart(RestartPolicy.OnFailure).Runs("1m").FailureProbability(1).BackoffLimit(3));
        cluster.RunTo("1s");
        var pod = Assert.Single(cluster.PodsOf(job));
        cluster.RunFor("1h");

        // The pod is restarted in place after 10, 20 and 40 s: the third restart reaches the limit.
        var exits = cluster.EventsFor(pod, "Failed").Select(e => e.Time).ToList();
        Assert.Equal(3, exits.Count);
        var failedAt = exits[2] + SimDuration.FromSeconds(40);
        var condition = job.Status.Conditions.Single();
        Assert.Equal(("BackoffLimitExceeded", failedAt), (condition.Reason, condition.LastTransitionTime));
        Assert.Equal(3, pod.Status.RestartCount);
        Assert.Equal(failedAt, pod.Metadata.DeletionTimestamp);
        Assert.Equal($"Deleted pod: {pod.Name}", cluster.EventsFor(job, "SuccessfulDelete").Single().Message);
        Assert.Equal((0, 1), (job.Status.Active, job.Status.Failed)); // the deleted active pod counts as failed
        Assert.Null(cluster.Store.GetPod(pod.Key)); // no container ran, so no grace period
        Assert.Single(cluster.EventsFor(job, "SuccessfulCreate"));
    }
}
