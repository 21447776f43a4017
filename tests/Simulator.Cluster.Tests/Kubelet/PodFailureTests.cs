using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using KubeletComponent = Simulator.Cluster.Kubelet.Kubelet;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// Containers that exit with an error before their work is done (ksim.dev/failure-rate,
/// ksim.dev/failure-probability), under restartPolicy Never: the pod fails with reason Error and
/// gives its resources back. The draws are seeded and happen in event order.
/// </summary>
public class PodFailureTests
{
    private static SimTime FailedAt(TestCluster cluster, Pod pod) => cluster.EventsFor(pod, "Failed").Single().Time;

    [Fact]
    public void A_run_that_fails_ends_the_pod_as_Failed_with_reason_Error_before_its_duration_is_up()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("job").Runs("1m").FailureProbability(1));
        cluster.RunFor("5m");

        var failed = cluster.EventsFor(pod, "Failed").Single();
        Assert.Equal(EventType.Warning, failed.Type);
        Assert.Equal("Error: container main exited with code 1", failed.Message);
        Assert.Equal(KubeletComponent.ComponentName, failed.Source);
        Assert.InRange(failed.Time.Microseconds, TestCluster.At("1s").Microseconds, TestCluster.At("61s").Microseconds - 1);

        Assert.Equal(PodPhase.Failed, pod.Status.Phase);
        Assert.Equal("Error", pod.Status.Reason);
        Assert.Equal("container main exited with code 1", pod.Status.Message);
        Assert.Equal(0, pod.Status.RestartCount);
        var ready = pod.Status.GetCondition(PodConditionType.Ready)!;
        Assert.Equal((ConditionStatus.False, "PodFailed", failed.Time), (ready.Status, ready.Reason, ready.LastTransitionTime));
        Assert.Equal(ConditionStatus.False, pod.Status.GetCondition(PodConditionType.ContainersReady)!.Status);
        Assert.Empty(cluster.EventsFor(pod, "Completed"));
        Assert.Empty(cluster.EventsFor(pod, "BackOff"));
        Assert.Same(pod, cluster.Store.GetPod(pod.Key)); // a failed pod stays until deleted
    }

    [Fact]
    public void A_failed_pod_frees_its_resources_for_the_next_pod_at_the_moment_it_fails()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var flaky = cluster.Create(new PodBuilder("flaky").Cpu("2").Runs("10m").FailureProbability(1));
        var next = cluster.Create(new PodBuilder("next").Cpu("2"));
        cluster.RunFor("15m");

        Assert.Equal(PodPhase.Failed, flaky.Status.Phase);
        Assert.Equal("a", next.Spec.NodeName);
        Assert.Equal(FailedAt(cluster, flaky), cluster.RecordOf(next).Scheduled);
        Assert.Equal(PodPhase.Running, next.Status.Phase);
    }

    [Fact]
    public void A_failure_probability_without_a_duration_is_ignored()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("server").FailureProbability(1));
        cluster.RunFor("24h");

        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Empty(cluster.EventsFor(pod, "Failed"));
    }

    [Fact]
    public void A_failure_rate_fails_a_pod_without_a_duration_too()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"));
        var pod = cluster.Create(new PodBuilder("server").FailureRate(60));
        cluster.RunFor("24h");

        Assert.Equal(PodPhase.Failed, pod.Status.Phase);
        Assert.Equal("Error", pod.Status.Reason);
    }

    [Fact]
    public void Failure_times_are_the_same_for_the_same_seed_and_differ_between_seeds()
    {
        static List<SimTime> FailureTimes(ulong seed)
        {
            var cluster = new TestCluster(seed).Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
            var pods = Enumerable.Range(0, 6)
                .Select(i => cluster.Create(new PodBuilder($"p{i}").Runs("2h").FailureRate(1)))
                .ToList();
            cluster.RunFor("3h");
            return pods.Select(p => cluster.EventsFor(p, "Failed").Select(e => e.Time).DefaultIfEmpty(SimTime.MaxValue).Single()).ToList();
        }

        var first = FailureTimes(7);
        Assert.Equal(first, FailureTimes(7));
        Assert.NotEqual(first, FailureTimes(8));
        // λ = 1/h over 2 h: each run fails with probability 1 - e^-2 ≈ 0.86, so some do.
        Assert.Contains(first, t => t != SimTime.MaxValue);
    }

    // ---- the draws themselves, against their analytic distributions ----

    private const int Draws = 20_000;

    private static List<SimDuration?> Draw(Workload workload, int seed = 42)
    {
        var failures = new ContainerFailures(new Random(seed));
        return Enumerable.Range(0, Draws).Select(_ => failures.TimeToFailure(workload)).ToList();
    }

    [Fact]
    public void Times_to_failure_are_exponential_with_mean_one_over_the_rate()
    {
        var draws = Draw(new Workload { FailureRatePerHour = 2 });

        Assert.All(draws, d => Assert.NotNull(d));
        double meanHours = draws.Average(d => d!.Value.TotalSeconds) / 3600;
        Assert.InRange(meanHours, 0.5 * 0.97, 0.5 * 1.03);
        // Exponential: P(T > mean) = e^-1.
        double beyondMean = draws.Count(d => d!.Value > SimDuration.FromMinutes(30)) / (double)Draws;
        Assert.InRange(beyondMean, Math.Exp(-1) - 0.015, Math.Exp(-1) + 0.015);
    }

    [Fact]
    public void With_a_duration_a_rate_fails_only_the_runs_whose_failure_comes_first()
    {
        var draws = Draw(new Workload { FailureRatePerHour = 1, Duration = SimDuration.FromHours(1) });

        double failed = draws.Count(d => d is not null) / (double)Draws;
        Assert.InRange(failed, 1 - Math.Exp(-1) - 0.015, 1 - Math.Exp(-1) + 0.015);
        Assert.All(draws.Where(d => d is not null), d => Assert.True(d < SimDuration.FromHours(1)));
    }

    [Fact]
    public void A_failure_probability_fails_that_share_of_runs_at_uniform_points_of_the_duration()
    {
        var duration = SimDuration.FromHours(1);
        var draws = Draw(new Workload { FailureProbability = 0.25, Duration = duration });

        var failures = draws.Where(d => d is not null).Select(d => d!.Value).ToList();
        Assert.InRange(failures.Count / (double)Draws, 0.24, 0.26);
        Assert.All(failures, d => Assert.InRange(d.Microseconds, 0, duration.Microseconds - 1));
        Assert.InRange(failures.Average(d => d.TotalSeconds), 1800 - 60, 1800 + 60);
    }

    [Fact]
    public void Without_failure_settings_nothing_is_drawn()
    {
        var random = new Random(1);
        var failures = new ContainerFailures(random);
        Assert.Null(failures.TimeToFailure(new Workload { Duration = SimDuration.FromHours(1) }));
        Assert.Null(failures.TimeToFailure(new Workload { FailureProbability = 0, FailureRatePerHour = 0 }));
        Assert.Equal(new Random(1).NextDouble(), random.NextDouble());
    }
}
