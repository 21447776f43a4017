using Simulator.Cli.Execution;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

/// <summary>
/// A run that did nothing, for the summary printer's tests: each test gives it only the section it
/// is about (<c>with { ... }</c> on the summary or the result) and reads the printed lines.
/// </summary>
internal static class PrintedRuns
{
    public static RunSummary EmptySummary(long seconds, long events = 0) => new()
    {
        SimulatedSeconds = seconds,
        EventsProcessed = events,
        PodsCreated = 0,
        PodsScheduled = 0,
        PodsUnschedulable = 0,
        PodsEverUnschedulable = 0,
        PodsSucceeded = 0,
        PodsFailed = 0,
        PodsRunningAtEnd = 0,
        PodsPendingAtEnd = 0,
        SchedulingLatency = new LatencySummary(0, 0, 0, 0),
        AllocationRatio = new Dictionary<string, double>(),
    };

    public static RunRecord Record(string scenario, RunSummary summary, Func<RunResult, RunResult>? result = null)
    {
        var run = new RunResult
        {
            EndTime = SimTime.Zero + SimDuration.FromSeconds(summary.SimulatedSeconds),
            Partial = false,
            Summary = summary,
            Pods = [],
            TimeSeries = [],
            Events = [],
        };
        return new RunRecord
        {
            ScenarioName = scenario,
            Seed = 1,
            Profile = "default",
            Result = result is null ? run : result(run),
            Scenario = new ScenarioSource("s.yaml", []),
            Provenance = null!,
        };
    }

    /// <summary>The summary as <c>ksim run</c> prints it, line by line.</summary>
    public static string[] Print(RunRecord record)
    {
        using var output = new StringWriter { NewLine = "\n" };
        RunSummaryPrinter.Print(output, record, "out");
        return output.ToString().Split('\n');
    }
}
