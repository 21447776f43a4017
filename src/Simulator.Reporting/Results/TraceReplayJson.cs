using System.Text.Json;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>summary.json's trace_replay section, only in runs with a TraceReplay so that other runs' files are as before.</summary>
internal static class TraceReplayJson
{
    public static void Write(Utf8JsonWriter w, TraceReplaySummary t)
    {
        w.WriteStartObject("trace_replay");
        w.WriteString("name", t.Name);
        w.WriteString("mode", t.Mode);
        w.WriteNumber("pods_submitted", t.PodsSubmitted);
        if (t.Mode == "fill")
        {
            w.WriteNumber("total_gpus", t.TotalGpuMilli / 1000.0);
            w.WriteNumber("failed_pods", t.FailedPods);
            w.WriteStartArray("at_arrived_percent");
            foreach (var s in t.AtArrivedPercent)
            {
                w.WriteStartObject();
                w.WriteNumber("arrived_percent", s.ArrivedPercent);
                w.WriteNumberOrNull("gpu_allocation_ratio", s.GpuAllocationRatio);
                w.WriteNumberOrNull("unallocated_gpus", s.UnallocatedGpus);
                if (s.FragmentationRate is { } f) w.WriteNumberOrNull("fragmentation_rate", f);
                else w.WriteNull("fragmentation_rate");
                w.WriteNumber("arrived_pods", s.ArrivedPods);
                w.WriteNumber("failed_pods", s.FailedPods);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("failed_pods_by_reason");
            foreach (var r in t.FailedByReason) w.WriteNumber(r.Reason, r.Pods);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
