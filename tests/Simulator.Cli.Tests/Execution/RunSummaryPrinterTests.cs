using Simulator.Cli.Execution;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

public sealed class RunSummaryPrinterTests
{
    private static PodRecord Pending(string name, string message) => new()
    {
        Namespace = "ml",
        Name = name,
        Uid = name,
        Created = SimTime.Zero,
        Phase = PodPhase.Pending,
        Message = message,
        FailedSchedulingAttempts = 1,
    };

    private static RunRecord Record(bool partial, params PodRecord[] pods) => new()
    {
        ScenarioName = "quickstart",
        Seed = 1,
        Profile = "default",
        Result = new RunResult
        {
            EndTime = new SimTime(3_600_000_000),
            Partial = partial,
            Summary = new RunSummary
            {
                SimulatedSeconds = 3600,
                EventsProcessed = 500,
                PodsCreated = 10,
                PodsScheduled = 6,
                PodsUnschedulable = 4,
                PodsEverUnschedulable = 5,
                PodsSucceeded = 6,
                PodsFailed = 0,
                PodsRunningAtEnd = 0,
                PodsPendingAtEnd = 4,
                SchedulingLatency = new LatencySummary(6, 0.5, 2.25, 3),
                AllocationRatio = new Dictionary<string, double> { ["nvidia.com/gpu"] = 0.875, ["cpu"] = 0.4521 },
            },
            Pods = pods,
            TimeSeries = [],
            Events = [],
        },
        Scenario = new ScenarioSource("s.yaml", []),
        Provenance = null!,
    };

    [Fact]
    public void Prints_where_results_went_pod_counts_latency_allocation_and_distinct_pending_reasons()
    {
        const string gpu = "0/2 nodes are available: 2 Insufficient nvidia.com/gpu.";
        const string affinity = "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.";
        using var output = new StringWriter { NewLine = "\n" };

        RunSummaryPrinter.Print(output, Record(false, Pending("a", affinity), Pending("b", gpu), Pending("c", gpu), Pending("d", gpu)), "results/quickstart/x");

        Assert.Equal(
            "scenario quickstart, seed 1, profile default: simulated 1h0m0s in 500 events\n" +
            "results: results/quickstart/x\n" +
            "pods: 10 created, 6 scheduled, 4 unschedulable (5 ever), 6 succeeded, 0 failed; at the end 0 running, 4 pending\n" +
            "scheduling latency: p50 0.5s, p95 2.25s, max 3s (over 6 scheduled pod(s))\n" +
            "allocation (time-weighted): cpu 45.2%, nvidia.com/gpu 87.5%\n" +
            "still pending at the end (FailedScheduling):\n" +
            "  ml/b and 2 more: " + gpu + "\n" +
            "  ml/a: " + affinity + "\n",
            output.ToString());
    }

    [Fact]
    public void Jobs_training_disruptions_node_failures_and_recoveries_get_a_line_each_when_there_are_any()
    {
        var record = Record(false);
        record = record with
        {
            Result = record.Result with
            {
                Summary = record.Result.Summary with
                {
                    Jobs = new JobsSummary(4, 2, 1, new CompletionTimeSummary(90.5, 60, 121, 121)),
                    Training = new TrainingSummary(3, 2, new CompletionTimeSummary(90.5, 60, 121, 121), 7200.5, 1.3333, 2),
                    PodDisruptions = new PodDisruptionSummary(3, 7),
                    NodeHealth = new NodeHealthSummary(2, 150.25),
                    TimeToRecover = new RecoverySummary(2, 12.5, 40),
                },
            },
        };
        using var output = new StringWriter { NewLine = "\n" };

        RunSummaryPrinter.Print(output, record, "out");

        Assert.EndsWith(
            "allocation (time-weighted): cpu 45.2%, nvidia.com/gpu 87.5%\n" +
            "jobs: 4 total, 2 completed, 1 failed; completion time mean 90.5s, p50 60s, p95 121s, max 121s\n" +
            "training: 3 job(s), 2 completed, makespan 7200.5s; 2 interruption(s), 1.33 GPU-hours of work lost\n" +
            "disruptions: 3 pod(s) evicted, 7 container restart(s)\n" +
            "node failures: 2 (Ready to NotReady), 150.25s NotReady in total\n" +
            "time to recover: p50 12.5s, max 40s (over 2 recovered outage(s))\n",
            output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_none_of_which_completed_have_no_completion_times()
    {
        var record = Record(false);
        record = record with
        {
            Result = record.Result with { Summary = record.Result.Summary with { Jobs = new JobsSummary(2, 0, 1, CompletionTimeSummary.None) } },
        };
        using var output = new StringWriter { NewLine = "\n" };

        RunSummaryPrinter.Print(output, record, "out");

        Assert.EndsWith("\njobs: 2 total, 0 completed, 1 failed\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_run_says_so()
    {
        using var output = new StringWriter { NewLine = "\n" };

        RunSummaryPrinter.Print(output, Record(true), "out");

        Assert.Contains("INTERRUPTED at t=1h0m0s", output.ToString(), StringComparison.Ordinal);
    }
}
