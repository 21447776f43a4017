using System.Text.Json;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// summary.json: the run's headline metrics. Keys are snake_case in a fixed order; times and
/// latencies are in seconds (the <c>_s</c> suffix); allocation ratios are keyed by resource name in
/// ordinal order. Shape:
/// <code>
/// { "scenario", "seed", "profile", "partial", "end_reason", "end_time_s", "simulated_seconds", "events_processed",
///   "pods_created", "pods_scheduled", "pods_unschedulable", "pods_ever_unschedulable",
///   "pods_succeeded", "pods_failed", "pods_running_at_end", "pods_pending_at_end",
///   "scheduling_latency_s": { "count", "p50", "p95", "max" },
///   "allocation_ratio": { "&lt;resource&gt;": ratio, ... },
///   "jobs": { "total", "completed", "failed", "jct_s": { "mean", "p50", "p95", "max" } },
///   "pods": { "evicted", "restarts" },
///   "nodes": { "failures", "downtime_s" },
///   "time_to_recover_s": { "count", "p50", "max" },
///   "requests": { "total", "completed", "failed": { "no_endpoints", "queue_full", "timeout", "pod_gone" },
///                 "latency_s": { "p50", "p95", "p99" }, "slo_attainment" },
///   "hpa": { "count", "max_replicas_seen", "rescales" },
///   "training": { "jobs", "completed", "jct_s": { "mean", "p50", "p95", "max" }, "makespan_s", "interruptions", "lost_gpu_hours" },
///   "workload_generators": [ { "name", "namespace", "jobs_created", "measure": { "from_job", "to_job", "completed", "mean_jct_s" } } ],
///   "cost": { "total", "by_pool": [ { "pool", "node_hours", "cost" } ], "per_completed_job", "per_million_requests", "idle_gpu_hours" } }
/// </code>
/// Sections added later are appended, so earlier keys keep their place. <c>jct_s</c> is over
/// completed Jobs; <c>nodes.failures</c> counts Ready-to-NotReady transitions and
/// <c>downtime_s</c> the time NotReady after them; <c>time_to_recover_s</c> is over recovered outages;
/// <c>requests.latency_s</c> is over completed requests and <c>slo_attainment</c> is null when no
/// Service with a ksim.dev/slo-latency received requests; <c>hpa.count</c> is the HPAs sampled,
/// <c>max_replicas_seen</c> the most replicas a target had at a sample and <c>rescales</c> the
/// SuccessfulRescale events. <c>training</c> is written only when the run had training jobs: its
/// <c>jct_s</c> is submission to the last step over completed ones, <c>makespan_s</c> the first
/// submission to the last completion, <c>lost_gpu_hours</c> the training time failures threw away
/// times the accelerators that were training. <c>workload_generators</c> is written only when the
/// scenario has generators; <c>measure</c> (only with a measure window) is over the window's Jobs
/// that completed, <c>mean_jct_s</c> from creation to the Complete condition (null if none did).
/// <c>cluster_autoscaler</c> is written only when a NodePool has spec.autoscaling: its counts and,
/// per node group, min, max and the size (registered + requested nodes) at the start, peak and end.
/// <c>cost</c> (see <see cref="CostSummary"/>): <c>per_completed_job</c> is over completed Jobs and
/// <c>per_million_requests</c> over completed requests, each null when there were none.
/// </summary>
internal static class SummaryJson
{
    public const string FileName = "summary.json";

    public static void Write(string path, RunRecord run)
    {
        var result = run.Result;
        var s = result.Summary;
        TextFiles.WriteJson(path, w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", run.ScenarioName);
            w.WriteNumber("seed", run.Seed);
            w.WriteString("profile", run.Profile);
            w.WriteBoolean("partial", result.Partial);
            w.WriteString("end_reason", EndReasonText(result.EndReason));
            w.WritePropertyName("end_time_s");
            // Exact microseconds as a JSON number, not a double that could print differently.
            w.WriteRawValue(result.EndTime.ToSecondsString());
            w.WriteNumberOrNull("simulated_seconds", s.SimulatedSeconds);
            w.WriteNumber("events_processed", s.EventsProcessed);
            w.WriteNumber("pods_created", s.PodsCreated);
            w.WriteNumber("pods_scheduled", s.PodsScheduled);
            w.WriteNumber("pods_unschedulable", s.PodsUnschedulable);
            w.WriteNumber("pods_ever_unschedulable", s.PodsEverUnschedulable);
            w.WriteNumber("pods_succeeded", s.PodsSucceeded);
            w.WriteNumber("pods_failed", s.PodsFailed);
            w.WriteNumber("pods_running_at_end", s.PodsRunningAtEnd);
            w.WriteNumber("pods_pending_at_end", s.PodsPendingAtEnd);

            w.WriteStartObject("scheduling_latency_s");
            w.WriteNumber("count", s.SchedulingLatency.Count);
            w.WriteNumberOrNull("p50", s.SchedulingLatency.P50Seconds);
            w.WriteNumberOrNull("p95", s.SchedulingLatency.P95Seconds);
            w.WriteNumberOrNull("max", s.SchedulingLatency.MaxSeconds);
            w.WriteEndObject();

            w.WriteStartObject("allocation_ratio");
            foreach (var (resource, ratio) in s.AllocationRatio.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumberOrNull(resource, ratio);
            }
            w.WriteEndObject();
            WriteWorkloadSections(w, s);
            WriteRequests(w, result.Requests);
            WriteHpa(w, s.Hpa);
            if (s.Training.Jobs > 0) WriteTraining(w, s.Training);
            if (s.GpuAllocationByModel.Count > 0) WriteGpuAllocation(w, s.GpuAllocationByModel);
            if (s.Generators.Count > 0) WriteGenerators(w, s.Generators);
            if (s.TraceReplay is { } trace) TraceReplayJson.Write(w, trace);
            if (s.ClusterAutoscaler is { } ca) WriteClusterAutoscaler(w, ca);
            WriteCost(w, s.Cost, s.Jobs.Completed, result.Requests.Completed);
            w.WriteEndObject();
        });
    }

    private static void WriteWorkloadSections(Utf8JsonWriter w, RunSummary s)
    {
        w.WriteStartObject("jobs");
        w.WriteNumber("total", s.Jobs.Total);
        w.WriteNumber("completed", s.Jobs.Completed);
        w.WriteNumber("failed", s.Jobs.Failed);
        WriteCompletionTime(w, s.Jobs.CompletionTime);
        w.WriteEndObject();

        w.WriteStartObject("pods");
        w.WriteNumber("evicted", s.PodDisruptions.Evicted);
        w.WriteNumber("restarts", s.PodDisruptions.Restarts);
        w.WriteEndObject();

        w.WriteStartObject("nodes");
        w.WriteNumber("failures", s.NodeHealth.Failures);
        w.WriteNumberOrNull("downtime_s", s.NodeHealth.DowntimeSeconds);
        w.WriteEndObject();

        w.WriteStartObject("time_to_recover_s");
        w.WriteNumber("count", s.TimeToRecover.Count);
        w.WriteNumberOrNull("p50", s.TimeToRecover.P50Seconds);
        w.WriteNumberOrNull("max", s.TimeToRecover.MaxSeconds);
        w.WriteEndObject();
    }

    /// <summary>Written only when some NodePool has spec.autoscaling.</summary>
    private static void WriteClusterAutoscaler(Utf8JsonWriter w, Cluster.Controllers.ClusterAutoscaler.ClusterAutoscalerSummary ca)
    {
        w.WriteStartObject("cluster_autoscaler");
        w.WriteNumber("scale_ups", ca.ScaleUps);
        w.WriteNumber("nodes_requested", ca.NodesRequested);
        w.WriteNumber("nodes_registered", ca.NodesRegistered);
        w.WriteNumber("provisioning_timeouts", ca.ProvisioningTimeouts);
        w.WriteNumber("nodes_removed", ca.NodesRemoved);
        w.WriteNumber("failed_drains", ca.FailedDrains);
        w.WriteStartArray("node_groups");
        foreach (var g in ca.Groups)
        {
            w.WriteStartObject();
            w.WriteString("pool", g.Pool);
            w.WriteNumber("min", g.Min);
            w.WriteNumber("max", g.Max);
            w.WriteNumber("start_size", g.StartSize);
            w.WriteNumber("peak_size", g.PeakSize);
            w.WriteNumber("end_size", g.EndSize);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Always written; the per-job and per-request values are null when no Job completed or no request was served.</summary>
    private static void WriteCost(Utf8JsonWriter w, CostSummary c, int completedJobs, long completedRequests)
    {
        w.WriteStartObject("cost");
        w.WriteNumberOrNull("total", c.Total);
        w.WriteStartArray("by_pool");
        foreach (var pool in c.ByPool)
        {
            w.WriteStartObject();
            w.WriteString("pool", pool.Pool);
            w.WriteNumberOrNull("node_hours", pool.NodeHours);
            w.WriteNumberOrNull("cost", pool.Cost);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteOptionalNumber(w, "per_completed_job", c.PerCompletedJob(completedJobs));
        WriteOptionalNumber(w, "per_million_requests", c.PerMillionRequests(completedRequests));
        w.WriteNumberOrNull("idle_gpu_hours", c.IdleGpuHours);
        w.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumberOrNull(name, v);
        else w.WriteNull(name);
    }

    private static void WriteRequests(Utf8JsonWriter w, RequestSummary r)
    {
        w.WriteStartObject("requests");
        w.WriteNumber("total", r.Total);
        w.WriteNumber("completed", r.Completed);
        w.WriteStartObject("failed");
        w.WriteNumber("no_endpoints", r.Failed.NoEndpoints);
        w.WriteNumber("queue_full", r.Failed.QueueFull);
        w.WriteNumber("timeout", r.Failed.Timeout);
        w.WriteNumber("pod_gone", r.Failed.PodGone);
        w.WriteEndObject();
        w.WriteStartObject("latency_s");
        w.WriteNumberOrNull("p50", r.P50Seconds);
        w.WriteNumberOrNull("p95", r.P95Seconds);
        w.WriteNumberOrNull("p99", r.P99Seconds);
        w.WriteEndObject();
        if (r.SloAttainment is { } slo) w.WriteNumberOrNull("slo_attainment", slo);
        else w.WriteNull("slo_attainment");
        w.WriteEndObject();
    }

    private static void WriteHpa(Utf8JsonWriter w, HpaSummary h)
    {
        w.WriteStartObject("hpa");
        w.WriteNumber("count", h.Count);
        w.WriteNumber("max_replicas_seen", h.MaxReplicasSeen);
        w.WriteNumber("rescales", h.Rescales);
        w.WriteEndObject();
    }

    /// <summary>Job completion time in seconds: mean and nearest-rank percentiles (null without completed jobs).</summary>
    private static void WriteCompletionTime(Utf8JsonWriter w, CompletionTimeSummary c)
    {
        w.WriteStartObject("jct_s");
        w.WriteNumberOrNull("mean", c.MeanSeconds);
        w.WriteNumberOrNull("p50", c.P50Seconds);
        w.WriteNumberOrNull("p95", c.P95Seconds);
        w.WriteNumberOrNull("max", c.MaxSeconds);
        w.WriteEndObject();
    }

    /// <summary>Only in runs with training jobs, so that other runs' files are as before.</summary>
    private static void WriteTraining(Utf8JsonWriter w, TrainingSummary t)
    {
        w.WriteStartObject("training");
        w.WriteNumber("jobs", t.Jobs);
        w.WriteNumber("completed", t.Completed);
        WriteCompletionTime(w, t.CompletionTime);
        w.WriteNumberOrNull("makespan_s", t.MakespanSeconds);
        w.WriteNumber("interruptions", t.Interruptions);
        w.WriteNumberOrNull("lost_gpu_hours", t.LostGpuHours);
        w.WriteEndObject();
    }

    /// <summary>Only in runs with WorkloadGenerators, so that other runs' files are as before.</summary>
    private static void WriteGenerators(Utf8JsonWriter w, IReadOnlyList<Cluster.Workloads.Generation.GeneratorSummary> generators)
    {
        w.WriteStartArray("workload_generators");
        foreach (var g in generators)
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("namespace", g.Namespace);
            w.WriteNumber("jobs_created", g.JobsCreated);
            if (g.Measure is { } m)
            {
                w.WriteStartObject("measure");
                w.WriteNumber("from_job", m.FromJob);
                w.WriteNumber("to_job", m.ToJob);
                w.WriteNumber("completed", m.Completed);
                if (m.MeanJctSeconds is { } mean) w.WriteNumberOrNull("mean_jct_s", mean);
                else w.WriteNull("mean_jct_s");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Only in runs with GPU nodes, so that other runs' files are as before.</summary>
    private static void WriteGpuAllocation(Utf8JsonWriter w, IReadOnlyDictionary<string, double> byModel)
    {
        w.WriteStartObject("gpu_allocation_by_model");
        foreach (var (model, ratio) in byModel.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumberOrNull(model, ratio);
        w.WriteEndObject();
    }

    /// <summary>snake_case, like the keys: duration, quiescent, time_limit, interrupted.</summary>
    public static string EndReasonText(RunEnd reason) => reason switch
    {
        RunEnd.Duration => "duration",
        RunEnd.Quiescent => "quiescent",
        RunEnd.TimeLimit => "time_limit",
        _ => "interrupted",
    };
}
