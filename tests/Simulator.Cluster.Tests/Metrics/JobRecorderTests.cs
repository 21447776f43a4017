using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// One jobs.csv row per Job, from the Job's status writes and its pods, driven by hand on a bare
/// store. Rows read: name, submitted, first start, completed, JCT, attempts, failures, outcome, reason.
/// </summary>
public class JobRecorderTests
{
    private static string Row(JobRecord r) => string.Join(",",
        r.Name, r.Submitted.ToSecondsString(), Seconds(r.FirstStart), Seconds(r.Completed),
        r.CompletionTime is { } jct ? new SimTime(jct.Microseconds).ToSecondsString() : "",
        r.Attempts.ToString(CultureInfo.InvariantCulture), r.Failures.ToString(CultureInfo.InvariantCulture), r.Outcome, r.Reason);

    private static string Seconds(SimTime? t) => t?.ToSecondsString() ?? "";

    private static string[] Rows(RecorderHarness h) => [.. h.Metrics.Jobs.Select(Row)];

    [Fact]
    public void A_job_whose_first_pod_fails_and_second_succeeds()
    {
        var h = new RecorderHarness();
        h.Node("a");
        Job job = null!;
        Pod first = null!, second = null!;
        h.At("5s", () => job = h.Job("train"));
        h.At("6s", () => first = h.Pod("train-1", job, RestartPolicy.Never));
        h.At("8s", () => h.Run(first, "a"));
        h.At("20s", () =>
        {
            h.Finish(first, PodPhase.Failed, "Error");
            job.Status.Failed = 1;
            h.Store.Jobs.Update(job);
        });
        h.At("30s", () => second = h.Pod("train-2", job, RestartPolicy.Never));
        h.At("31s", () => h.Run(second, "a"));
        h.At("61s", () =>
        {
            h.Finish(second, PodPhase.Succeeded, "Completed");
            h.FinishJob(job, JobConditionType.Complete, "CompletionsReached");
        });
        h.RunTo("2m");

        Assert.Equal(["train,5.000000,8.000000,61.000000,56.000000,2,1,Complete,CompletionsReached"], Rows(h));
    }

    [Fact]
    public void Restarts_of_an_OnFailure_pod_are_failures_and_the_first_finishing_condition_is_the_outcome()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var job = h.Job("flaky");
        var pod = h.Pod("flaky-1", job, RestartPolicy.OnFailure);
        h.Run(pod, "a");
        h.At("20s", () => h.Restart(pod));
        h.At("21s", () => h.Run(pod, "a"));
        h.At("40s", () => h.Restart(pod));
        h.At("50s", () =>
        {
            h.FinishJob(job, JobConditionType.Failed, "BackoffLimitExceeded");
            // A later status write does not change a finished Job's outcome.
            h.FinishJob(job, JobConditionType.Complete);
        });
        h.RunTo("1m");

        Assert.Equal(["flaky,0.000000,0.000000,50.000000,50.000000,1,2,Failed,BackoffLimitExceeded"], Rows(h));
    }

    [Fact]
    public void Restarts_of_a_Never_pod_are_not_counted_twice_with_its_failure()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var job = h.Job("once");
        var pod = h.Pod("once-1", job, RestartPolicy.Never);
        h.Run(pod, "a");
        h.Restart(pod); // a node reboot restarts the containers even of a Never pod
        h.RunTo("1s");

        Assert.Equal(0, h.Metrics.Jobs.Single().Failures);
    }

    [Fact]
    public void Unfinished_jobs_are_pending_until_a_pod_runs_then_running_without_completion_time()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var waiting = h.Job("waiting");
        h.Pod("waiting-1", waiting);
        Job started = null!;
        h.At("10s", () =>
        {
            started = h.Job("started");
            h.Run(h.Pod("started-1", started), "a");
        });
        h.RunTo("30s");

        Assert.Equal(
            [
                "waiting,0.000000,,,,1,0,Pending,",
                "started,10.000000,10.000000,,,1,0,Running,",
            ],
            Rows(h));
    }

    [Fact]
    public void Only_pods_the_job_controls_are_its_attempts()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var job = h.Job("train");
        var other = h.Job("other");
        h.Pod("train-1", job);
        h.Pod("other-1", other);
        h.Pod("bare");
        h.Pod("rs-pod", h.ReplicaSet("rs", 1));

        Assert.Equal([1, 1], h.Metrics.Jobs.Select(j => j.Attempts));
    }

    [Fact]
    public void Summary_counts_outcomes_and_takes_completion_time_over_completed_jobs_only()
    {
        var h = new RecorderHarness();
        var jobs = new[] { h.Job("j10"), h.Job("j20"), h.Job("j60"), h.Job("failed"), h.Job("running") };
        h.At("10s", () => h.FinishJob(jobs[0], JobConditionType.Complete));
        h.At("20s", () => h.FinishJob(jobs[1], JobConditionType.Complete));
        h.At("60s", () => h.FinishJob(jobs[2], JobConditionType.Complete));
        h.At("90s", () => h.FinishJob(jobs[3], JobConditionType.Failed, "DeadlineExceeded"));
        h.RunTo("2m");

        var s = h.Metrics.Summarize().Jobs;
        Assert.Equal((5, 3, 1), (s.Total, s.Completed, s.Failed));
        Assert.Equal(new CompletionTimeSummary(30, 20, 60, 60), s.CompletionTime);
    }

    [Fact]
    public void Without_jobs_the_summary_is_empty()
    {
        var h = new RecorderHarness();
        h.RunTo("1m");

        Assert.Equal(JobsSummary.None, h.Metrics.Summarize().Jobs);
    }
}
