using Microsoft.Extensions.Logging;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;
using Simulator.Scenarios;

namespace Simulator.Cli.Tests;

/// <summary>
/// A stand-in loader and simulation: enough to drive run, rerun and Ctrl+C through the CLI
/// without depending on how the real cluster behaves. The result depends only on the seed,
/// profile and duration, as a real run's does.
/// </summary>
internal static class FakeScenarios
{
    public static ScenarioLoadResult Load(string path) => new(
        new ScenarioDefinition { Name = "fake", Seed = 5, Profile = "default", SourceFiles = [path] },
        []);

    public static RunResult Run(ScenarioDefinition scenario, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken, ILoggerFactory? loggerFactory = null)
    {
        var seed = options.Seed ?? scenario.Seed;
        var end = new SimTime((options.Duration ?? SimDuration.FromMinutes(10)).Microseconds);
        progress?.Report(new RunProgress(end, end, 3, 1, 0));
        return Result(seed, options.Profile ?? scenario.Profile, end, partial: cancellationToken.IsCancellationRequested);
    }

    public static RunResult Result(ulong seed, string profile, SimTime end, bool partial) => new()
    {
        EndTime = end,
        Partial = partial,
        Summary = new RunSummary
        {
            SimulatedSeconds = end.TotalSeconds,
            EventsProcessed = 3,
            PodsCreated = 1,
            PodsScheduled = 0,
            PodsUnschedulable = 1,
            PodsEverUnschedulable = 1,
            PodsSucceeded = 0,
            PodsFailed = 0,
            PodsRunningAtEnd = 0,
            PodsPendingAtEnd = 1,
            SchedulingLatency = new LatencySummary(0, 0, 0, 0),
            AllocationRatio = new Dictionary<string, double> { ["cpu"] = seed / 100.0 },
        },
        Pods =
        [
            new PodRecord
            {
                Namespace = "default",
                Name = "pod-" + profile,
                Uid = "u1",
                Created = SimTime.Zero,
                Message = "0/1 nodes are available: 1 Insufficient cpu.",
                FailedSchedulingAttempts = 1,
                Phase = PodPhase.Pending,
            },
        ],
        TimeSeries = [],
        Events = [new ClusterEvent(SimTime.Zero, EventType.Warning, "FailedScheduling", "Pod", "default/pod", "0/1 nodes are available", "default-scheduler")],
    };
}
