using System.Text.Json;

namespace Simulator.Reporting.Results;

/// <summary>
/// summary.json: the run's headline metrics. Keys are snake_case in a fixed order; times and
/// latencies are in seconds (the <c>_s</c> suffix); allocation ratios are keyed by resource name in
/// ordinal order. Shape:
/// <code>
/// { "scenario", "seed", "profile", "partial", "end_time_s", "simulated_seconds", "events_processed",
///   "pods_created", "pods_scheduled", "pods_unschedulable", "pods_ever_unschedulable",
///   "pods_succeeded", "pods_failed", "pods_running_at_end", "pods_pending_at_end",
///   "scheduling_latency_s": { "count", "p50", "p95", "max" },
///   "allocation_ratio": { "&lt;resource&gt;": ratio, ... } }
/// </code>
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
            w.WriteEndObject();
        });
    }
}
