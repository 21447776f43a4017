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

    [Fact]
    public void Cost_metrics_apply_only_when_a_pool_has_a_price()
    {
        var run = SampleRuns.Result();
        Assert.Null(Value("cost_total", run));
        Assert.Null(Value("cost_per_completed_job", run));

        var gpus = new Dictionary<string, double> { ["A100"] = 0.5 };
        var priced = run with { Summary = run.Summary with { Cost = new CostSummary(9.5, [new PoolCost("gpu", 2.5, 7.5), new PoolCost("cpu", 4, 2)], 7.25, Priced: true), GpuAllocationByModel = gpus } };
        Assert.Equal(9.5, Value("cost_total", priced));
        Assert.Equal(9.5, Value("cost_per_completed_job", priced)); // one Job completed
        Assert.Equal(7.25, Value("idle_gpu_hours", priced));
    }

    [Fact]
    public void Utilization_is_the_mean_of_used_over_allocatable_over_the_samples_that_have_it()
    {
        var run = SampleRuns.Result();
        TimeSeriesRow Row(long used, long allocatable) =>
            new(Simulator.Engine.SimTime.Zero, 0, 0, 0, 0, 1, 0, 0,
                new Dictionary<string, long> { ["nvidia.com/gpu"] = 16 },
                new Dictionary<string, long> { ["nvidia.com/gpu"] = allocatable })
            { Used = new Dictionary<string, long> { ["nvidia.com/gpu"] = used } };
        // 12 of 16, then 8 of 16, then no GPU node (not counted): (0.75 + 0.5) / 2.
        var gang = run with { TimeSeries = [Row(12, 16), Row(8, 16), Row(0, 0)] };
        Assert.Equal(0.625, Value("utilization_gpu", gang));
        Assert.Null(Value("utilization_gpu", run with { TimeSeries = [Row(0, 0)] }));
    }

    [Fact]
    public void No_idle_gpu_is_a_value_of_zero_not_an_absent_metric()
    {
        // Review finding: a profile that never idled a GPU vanished from the comparison's table.
        var run = SampleRuns.Result();
        var busy = run with { Summary = run.Summary with { GpuAllocationByModel = new Dictionary<string, double> { ["V100"] = 1.0 } } };
        Assert.Equal(0, Value("idle_gpu_hours", busy));
        Assert.Null(Value("idle_gpu_hours", run)); // no GPU node at all: nothing to measure
    }

    [Fact]
    public void Trace_fill_metrics_read_the_samples_at_each_reported_percent()
    {
        var run = SampleRuns.Result();
        Assert.Null(Value("gpu_allocation_at_100pct", run));
        AllocationSample Sample(int percent, double ratio) => new(percent, ratio, 10 * (1 - ratio), 0.5, percent * 10, percent / 10);
        var trace = new TraceReplaySummary("openb", "fill", 10_000, 1300, 13,
            [Sample(90, 0.9), Sample(100, 0.95), Sample(110, 0.96), Sample(120, 0.97), Sample(130, 0.98)], []);
        var filled = run with { Summary = run.Summary with { TraceReplay = trace } };

        Assert.Equal(0.95, Value("gpu_allocation_at_100pct", filled));
        Assert.Equal(0.98, Value("gpu_allocation_at_130pct", filled));
        Assert.Equal(10 * (1 - 0.98), Value("unallocated_gpus_at_130pct", filled)!.Value, 9);
        Assert.Equal(0.5, Value("fragmentation_rate_at_130pct", filled));
        Assert.Equal(13, Value("trace_failed_pods", filled));
        Assert.Null(Value("trace_failed_pods", filled with { Summary = filled.Summary with { TraceReplay = trace with { Mode = "replay" } } }));
    }
}
