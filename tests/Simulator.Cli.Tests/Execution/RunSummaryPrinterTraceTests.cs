using Simulator.Cli.Execution;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

public sealed class RunSummaryPrinterTraceTests
{
    [Fact]
    public void A_fill_prints_one_line_with_the_last_sample()
    {
        var last = new AllocationSample(130, 0.9400177, 372.61, 0.7, 10857, 2178);
        var run = new RunRecord
        {
            ScenarioName = "fgd-openb",
            Seed = 1,
            Profile = "default",
            Result = new RunResult
            {
                EndTime = SimTime.Zero,
                Partial = false,
                Summary = new RunSummary
                {
                    SimulatedSeconds = 0, EventsProcessed = 0, PodsCreated = 0, PodsScheduled = 0, PodsUnschedulable = 0,
                    PodsEverUnschedulable = 0, PodsSucceeded = 0, PodsFailed = 0, PodsRunningAtEnd = 0, PodsPendingAtEnd = 0,
                    SchedulingLatency = new LatencySummary(0, 0, 0, 0),
                    AllocationRatio = new Dictionary<string, double>(),
                    TraceReplay = new TraceReplaySummary("openb", "fill", 6_212_000, 10857, 2178, [], []),
                },
                Pods = [],
                TimeSeries = [],
                Events = [],
                Allocation = [last],
            },
            Scenario = new ScenarioSource("s.yaml", []),
            Provenance = null!,
        };
        using var output = new StringWriter { NewLine = "\n" };

        RunSummaryPrinter.Print(output, run, "out");

        Assert.Contains(
            "trace fill: 130% of 6212 GPUs arrived in 10857 pod(s), 2178 failed; GPU allocation 94.0%, 372.6 GPUs unallocated (allocation.csv)\n",
            output.ToString(), StringComparison.Ordinal);
    }
}
