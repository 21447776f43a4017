using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// The metrics <c>ksim compare</c> reports, one line each, in the order they are reported. A new
/// summary section becomes comparable by adding a line here: a name (snake_case, as in
/// summary.json), a unit, a direction and how to read it from a run, returning null when the run
/// has no data for it.
/// </summary>
public static class HeadlineMetrics
{
    private const MetricDirection Lower = MetricDirection.LowerIsBetter;
    private const MetricDirection Higher = MetricDirection.HigherIsBetter;

    public static IReadOnlyList<HeadlineMetric> All { get; } =
    [
        new("scheduling_latency_p95", "s", Lower, "pod creation to binding, 95th percentile",
            r => r.Summary.SchedulingLatency.Count > 0 ? r.Summary.SchedulingLatency.P95Seconds : null),
        new("pods_unschedulable", "pods", Lower, "pods never placed by the end",
            r => r.Summary.PodsUnschedulable),
        new("jobs_completed", "jobs", Higher, "Jobs with the Complete condition",
            r => r.Summary.Jobs.Total > 0 ? r.Summary.Jobs.Completed : null),
        new("jct_mean", "s", Lower, "Job completion time, mean over completed Jobs",
            r => r.Summary.Jobs.Completed > 0 ? r.Summary.Jobs.CompletionTime.MeanSeconds : null),
        new("jct_p95", "s", Lower, "Job completion time, 95th percentile",
            r => r.Summary.Jobs.Completed > 0 ? r.Summary.Jobs.CompletionTime.P95Seconds : null),
        new("queueing_delay_mean", "s", Lower, "training Job submission to all workers up, mean",
            QueueingDelayMean),
        new("training_makespan", "s", Lower, "first training submission to last completion",
            r => r.Summary.Training.Completed > 0 ? r.Summary.Training.MakespanSeconds : null),
        new("lost_gpu_hours", "GPU-h", Lower, "training thrown away by failures, times the accelerators training",
            r => r.Summary.Training.Jobs > 0 ? r.Summary.Training.LostGpuHours : null),
        new("training_interruptions", "count", Lower, "training jobs stopped by a failure",
            r => r.Summary.Training.Jobs > 0 ? r.Summary.Training.Interruptions : null),
        new("allocation_cpu", "ratio", Higher, "time-weighted requested over allocatable CPU",
            r => Allocation(r, "cpu")),
        new("allocation_gpu", "ratio", Higher, "time-weighted allocated over allocatable nvidia.com/gpu",
            r => Allocation(r, "nvidia.com/gpu")),
        new("utilization_cpu", "ratio", Higher, "used over allocatable CPU, mean over the metrics samples",
            r => Utilization(r, "cpu")),
        new("utilization_gpu", "ratio", Higher, "used (training or serving) over allocatable nvidia.com/gpu, mean over the metrics samples",
            r => Utilization(r, "nvidia.com/gpu")),
        new("time_to_recover_p50", "s", Lower, "Deployment outage to ready again, median",
            r => r.Summary.TimeToRecover.Count > 0 ? r.Summary.TimeToRecover.P50Seconds : null),
        new("request_latency_p95", "s", Lower, "request latency, 95th percentile over completed requests",
            r => r.Requests.Completed > 0 ? r.Requests.P95Seconds : null),
        new("slo_attainment", "ratio", Higher, "finished requests within their Service's SLO",
            r => r.Requests.SloAttainment),
        new("cost_total", "price units", Lower, "node-hours of priced NodePools times their pricePerHour",
            r => r.Summary.Cost.Priced ? r.Summary.Cost.Total : null),
        new("cost_per_completed_job", "price units", Lower, "total cost over the Jobs that completed",
            r => r.Summary.Cost.Priced ? r.Summary.Cost.PerCompletedJob(r.Summary.Jobs.Completed) : null),
        new("idle_gpu_hours", "GPU-h", Lower, "GPUs on Ready nodes that no pod held, integrated over the run",
            // A real 0 (no GPU ever idle) is the best value, not an absent one: absent only without GPU nodes.
            r => r.Summary.GpuAllocationByModel.Count > 0 ? r.Summary.Cost.IdleGpuHours : null),
        new("autoscaler_nodes_added", "nodes", Lower, "nodes the Cluster Autoscaler added that registered",
            r => r.Summary.ClusterAutoscaler?.NodesRegistered),
        .. TraceFillMetrics(),
        new("trace_failed_pods", "pods", Lower, "trace pods that fit nowhere when they arrived",
            r => r.Summary.TraceReplay is { Mode: "fill" } t ? t.FailedPods : null),
    ];

    /// <summary>
    /// A fill-mode TraceReplay's GPU allocation ratio at each reported arrived workload (the FGD
    /// paper's Figure 9 read at 90 to 130 %), then its unallocated GPUs and fragmentation rate at the end.
    /// </summary>
    private static IEnumerable<HeadlineMetric> TraceFillMetrics()
    {
        foreach (int percent in TraceReplaySummary.ReportedPercents)
        {
            int at = percent;
            yield return new($"gpu_allocation_at_{at}pct", "ratio", Higher, $"allocated over total GPU milli when {at} % of the GPUs had arrived",
                r => SampleAt(r, at)?.GpuAllocationRatio);
        }
        int last = TraceReplaySummary.ReportedPercents[^1];
        yield return new($"unallocated_gpus_at_{last}pct", "GPUs", Lower, $"GPUs' worth of milli left unallocated when {last} % had arrived",
            r => SampleAt(r, last)?.UnallocatedGpus);
        yield return new($"fragmentation_rate_at_{last}pct", "ratio", Lower, $"fragmented over idle GPU milli (FGD's measure) when {last} % had arrived",
            r => SampleAt(r, last)?.FragmentationRate);
    }

    private static AllocationSample? SampleAt(RunResult r, int percent)
    {
        if (r.Summary.TraceReplay is not { Mode: "fill" } trace) return null;
        foreach (var sample in trace.AtArrivedPercent)
            if (sample.ArrivedPercent == percent) return sample;
        return null;
    }

    /// <summary>Null for a resource no node had: a ratio over zero allocatable is not a measurement.</summary>
    /// <summary>
    /// The mean of used over allocatable across the samples that had the resource (the samples are
    /// one metrics interval apart, so this is time-weighted to that resolution); null without any.
    /// </summary>
    private static double? Utilization(RunResult r, string resource)
    {
        double sum = 0;
        int n = 0;
        foreach (var row in r.TimeSeries)
        {
            long allocatable = row.Allocatable.GetValueOrDefault(resource);
            if (allocatable <= 0 || !row.Used.TryGetValue(resource, out var used)) continue;
            sum += (double)used / allocatable;
            n++;
        }
        return n == 0 ? null : sum / n;
    }

    private static double? Allocation(RunResult r, string resource) =>
        r.Summary.AllocationRatio.TryGetValue(resource, out var ratio) && r.TimeSeries.Count > 0 && HasAllocatable(r, resource) ? ratio : null;

    private static bool HasAllocatable(RunResult r, string resource)
    {
        foreach (var row in r.TimeSeries)
        {
            if (row.Allocatable.TryGetValue(resource, out var amount) && amount > 0) return true;
        }
        return false;
    }

    /// <summary>Submission to the instant every worker first ran, over training Jobs whose workers all came up.</summary>
    private static double? QueueingDelayMean(RunResult r)
    {
        double sum = 0;
        int count = 0;
        foreach (var job in r.Jobs)
        {
            if (job.Training?.QueueingDelay is not { } delay) continue;
            sum += delay.TotalSeconds;
            count++;
        }
        return count > 0 ? sum / count : null;
    }
}
