using Simulator.Cluster.Metrics;
using Simulator.Reporting.Comparison;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Comparison;

public sealed class HeadlineMetricsTests
{
    private static double? Value(string name, RunResult run) => HeadlineMetrics.All.Single(m => m.Name == name).Extract(run);

    [Fact]
    public void Names_are_unique_snake_case()
    {
        var names = HeadlineMetrics.All.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
    }

    [Fact]
    public void Metrics_read_the_summary()
    {
        var run = SampleRuns.Result();
        Assert.Equal(0.25, Value("scheduling_latency_p95", run));
        Assert.Equal(1, Value("pods_unschedulable", run));
        Assert.Equal(1, Value("jobs_completed", run));
        Assert.Equal(61.5, Value("jct_mean", run));
        Assert.Equal(0.5, Value("allocation_cpu", run));
        Assert.Equal(50.5, Value("time_to_recover_p50", run));
    }

    [Fact]
    public void A_metric_without_data_does_not_apply_rather_than_being_zero()
    {
        var run = SampleRuns.Result();
        // No node had a GPU: a ratio over zero GPUs is not a measurement.
        Assert.Null(Value("allocation_gpu", run));
        // No training jobs, no requests.
        Assert.Null(Value("lost_gpu_hours", run));
        Assert.Null(Value("training_makespan", run));
        Assert.Null(Value("request_latency_p95", run));
        Assert.Null(Value("slo_attainment", run));
        var noJobsCompleted = run with { Summary = run.Summary with { Jobs = new JobsSummary(2, 0, 2, CompletionTimeSummary.None) } };
        Assert.Null(Value("jct_mean", noJobsCompleted));
        Assert.Equal(0, Value("jobs_completed", noJobsCompleted));
    }
}
