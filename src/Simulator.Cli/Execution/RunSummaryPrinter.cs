using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Execution;

/// <summary>The few lines <c>ksim run</c> prints on stdout: where the results are and what happened.</summary>
internal static class RunSummaryPrinter
{
    private const int MaxPendingMessages = 3;

    public static void Print(TextWriter output, RunRecord run, string resultsDirectory)
    {
        var result = run.Result;
        var s = result.Summary;
        output.WriteLine($"scenario {run.ScenarioName}, seed {run.Seed}, profile {run.Profile}: simulated {result.EndTime} in {s.EventsProcessed} events");
        if (result.Partial)
        {
            output.WriteLine($"INTERRUPTED at t={result.EndTime}: the results hold what was simulated so far (\"partial\": true in summary.json)");
        }
        if (result.EndReason == RunEnd.TimeLimit)
        {
            output.WriteLine($"note: the scenario has no duration and the cluster never went quiet, so the run stopped at the {result.EndTime} safety limit; set spec.duration");
        }
        output.WriteLine($"results: {resultsDirectory}");
        output.WriteLine(
            $"pods: {s.PodsCreated} created, {s.PodsScheduled} scheduled, {s.PodsUnschedulable} unschedulable " +
            $"({s.PodsEverUnschedulable} ever), {s.PodsSucceeded} succeeded, {s.PodsFailed} failed; " +
            $"at the end {s.PodsRunningAtEnd} running, {s.PodsPendingAtEnd} pending");
        var latency = s.SchedulingLatency;
        output.WriteLine(
            $"scheduling latency: p50 {Seconds(latency.P50Seconds)}, p95 {Seconds(latency.P95Seconds)}, " +
            $"max {Seconds(latency.MaxSeconds)} (over {latency.Count} scheduled pod(s))");
        if (s.AllocationRatio.Count > 0)
        {
            var ratios = s.AllocationRatio
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"{kv.Key} {(kv.Value * 100).ToString("F1", CultureInfo.InvariantCulture)}%");
            output.WriteLine("allocation (time-weighted): " + string.Join(", ", ratios));
        }
        PrintWorkloadsAndFaults(output, s);
        PrintRequests(output, result.Requests);
        if (s.Hpa.Count > 0)
            output.WriteLine($"autoscaling: {s.Hpa.Count} HPA(s), {s.Hpa.Rescales} rescale(s), at most {s.Hpa.MaxReplicasSeen} replicas at a sample");
        if (s.ClusterAutoscaler is { } ca)
            output.WriteLine($"cluster autoscaler: {ca.ScaleUps} scale-up(s), {ca.NodesRegistered} node(s) added, {ca.NodesRemoved} removed, {ca.ProvisioningTimeouts} given up; "
                + string.Join(", ", ca.Groups.Select(g => $"{g.Pool} {g.StartSize}->{g.PeakSize}->{g.EndSize} [{g.Min},{g.Max}]")));
        if (s.TraceReplay is { Mode: "fill" } trace && result.Allocation.Count > 0)
        {
            var last = result.Allocation[^1];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trace fill: {last.ArrivedPercent}% of {trace.TotalGpuMilli / 1000.0} GPUs arrived in {last.ArrivedPods} pod(s), {last.FailedPods} failed; GPU allocation {last.GpuAllocationRatio * 100:F1}%, {last.UnallocatedGpus:F1} GPUs unallocated (allocation.csv)"));
        }
        if (s.Cost.Priced)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cost: {s.Cost.Total:F2} for {s.Cost.ByPool.Sum(p => p.NodeHours):F2} node-hours in {s.Cost.ByPool.Count} pool(s); {s.Cost.IdleGpuHours:F2} idle GPU-hours"));
        PrintPendingReasons(output, run);
    }

    /// <summary>Only what happened: a run without Jobs, evictions, node failures or outages prints none of these lines.</summary>
    private static void PrintWorkloadsAndFaults(TextWriter output, RunSummary s)
    {
        var jobs = s.Jobs;
        if (jobs.Total > 0)
        {
            var jct = jobs.CompletionTime;
            var times = jobs.Completed == 0 ? "" :
                $"; completion time mean {Seconds(jct.MeanSeconds)}, p50 {Seconds(jct.P50Seconds)}, p95 {Seconds(jct.P95Seconds)}, max {Seconds(jct.MaxSeconds)}";
            output.WriteLine($"jobs: {jobs.Total} total, {jobs.Completed} completed, {jobs.Failed} failed" + times);
        }
        var training = s.Training;
        if (training.Jobs > 0)
        {
            var makespan = training.Completed == 0 ? "" : $", makespan {Seconds(training.MakespanSeconds)}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training: {training.Jobs} job(s), {training.Completed} completed{makespan}; {training.Interruptions} interruption(s), {training.LostGpuHours:F2} GPU-hours of work lost"));
        }
        var disruptions = s.PodDisruptions;
        if (disruptions.Evicted > 0 || disruptions.Restarts > 0)
            output.WriteLine($"disruptions: {disruptions.Evicted} pod(s) evicted, {disruptions.Restarts} container restart(s)");
        var nodes = s.NodeHealth;
        if (nodes.Failures > 0)
            output.WriteLine($"node failures: {nodes.Failures} (Ready to NotReady), {Seconds(nodes.DowntimeSeconds)} NotReady in total");
        var recover = s.TimeToRecover;
        if (recover.Count > 0)
            output.WriteLine($"time to recover: p50 {Seconds(recover.P50Seconds)}, max {Seconds(recover.MaxSeconds)} (over {recover.Count} recovered outage(s))");
    }

    /// <summary>Only with traffic: "requests: N, p50 ..., p95 ..., p99 ..., failed M (reasons that occurred)".</summary>
    private static void PrintRequests(TextWriter output, RequestSummary r)
    {
        if (r.Total == 0) return;
        var f = r.Failed;
        var reasons = new[] { ("no endpoints", f.NoEndpoints), ("queue full", f.QueueFull), ("timeout", f.Timeout), ("pod gone", f.PodGone) }
            .Where(x => x.Item2 > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item2} {x.Item1}"));
        var failed = f.Total == 0 ? "failed 0" : string.Create(CultureInfo.InvariantCulture, $"failed {f.Total} ({string.Join(", ", reasons)})");
        var slo = r.SloAttainment is { } a ? ", SLO attainment " + (a * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests: {r.Total}, p50 {Seconds(r.P50Seconds)}, p95 {Seconds(r.P95Seconds)}, p99 {Seconds(r.P99Seconds)}, {failed}{slo}"));
    }

    /// <summary>Why pods are still waiting, one line per distinct scheduler message, most common first.</summary>
    private static void PrintPendingReasons(TextWriter output, RunRecord run)
    {
        var groups = run.Result.Pods
            .Where(p => p.Phase == PodPhase.Pending && p.Deleted is null && p.Message.Length > 0)
            .GroupBy(p => p.Message, StringComparer.Ordinal)
            .Select(g => (Message: g.Key, First: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        if (groups.Count == 0) return;
        output.WriteLine("still pending at the end (FailedScheduling):");
        foreach (var (message, first, count) in groups.Take(MaxPendingMessages))
        {
            var others = count > 1 ? $" and {count - 1} more" : "";
            output.WriteLine($"  {first.Namespace}/{first.Name}{others}: {message}");
        }
        if (groups.Count > MaxPendingMessages)
        {
            output.WriteLine($"  ... {groups.Count - MaxPendingMessages} more distinct message(s) in pods.csv");
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
