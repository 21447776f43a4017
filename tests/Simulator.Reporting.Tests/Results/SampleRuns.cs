using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>Hand-built runs: small enough that every expected file can be written out in full in a test.</summary>
internal static class SampleRuns
{
    public static SimTime Seconds(double s) => SimTime.FromSeconds(s);

    public static PodRecord ScheduledPod() => new()
    {
        Namespace = "default",
        Name = "web-1",
        Uid = "uid-1",
        Created = Seconds(0),
        Priority = 100,
        Scheduled = Seconds(0.25),
        Started = Seconds(1.5),
        Finished = Seconds(61.5),
        Node = "node-a",
        PodIP = "10.0.0.5",
        Phase = PodPhase.Succeeded,
        Reason = "Completed",
    };

    public static PodRecord PendingPod() => new()
    {
        Namespace = "ml",
        Name = "train-0",
        Uid = "uid-2",
        Created = Seconds(10),
        Phase = PodPhase.Pending,
        Reason = "Unschedulable",
        Message = "0/2 nodes are available: 2 Insufficient nvidia.com/gpu, \"big\" pod.",
        FailedSchedulingAttempts = 3,
    };

    public static RunResult Result(bool partial = false) => new()
    {
        EndTime = Seconds(120),
        Partial = partial,
        Summary = new RunSummary
        {
            SimulatedSeconds = 120,
            EventsProcessed = 42,
            PodsCreated = 2,
            PodsScheduled = 1,
            PodsUnschedulable = 1,
            PodsEverUnschedulable = 1,
            PodsSucceeded = 1,
            PodsFailed = 0,
            PodsRunningAtEnd = 0,
            PodsPendingAtEnd = 1,
            SchedulingLatency = new LatencySummary(1, 0.25, 0.25, 0.25),
            AllocationRatio = new Dictionary<string, double> { ["nvidia.com/gpu"] = 0, ["memory"] = 0.125, ["cpu"] = 0.5 },
        },
        Pods = [ScheduledPod(), PendingPod()],
        TimeSeries =
        [
            new TimeSeriesRow(Seconds(0), 1, 0, 0, 0, 2,
                new Dictionary<string, long> { ["cpu"] = 0 },
                new Dictionary<string, long> { ["cpu"] = 8000, ["memory"] = 1L << 34 }),
            new TimeSeriesRow(Seconds(10), 1, 1, 0, 0, 2,
                new Dictionary<string, long> { ["cpu"] = 2000, ["nvidia.com/gpu"] = 1 },
                new Dictionary<string, long> { ["cpu"] = 8000, ["memory"] = 1L << 34 }),
        ],
        Events =
        [
            new ClusterEvent(Seconds(0.25), EventType.Normal, "Scheduled", "Pod", "default/web-1", "Successfully assigned default/web-1 to node-a", "default-scheduler"),
            new ClusterEvent(Seconds(10), EventType.Warning, "FailedScheduling", "Pod", "ml/train-0", "0/2 nodes are available:\n2 Insufficient nvidia.com/gpu.", "default-scheduler"),
        ],
    };

    public static RunRecord Record(string scenarioFile, RunResult? result = null, IReadOnlyList<string>? extraFiles = null) => new()
    {
        ScenarioName = "sample",
        Seed = 7,
        Profile = "bin-packing",
        Result = result ?? Result(),
        Scenario = new ScenarioSource(scenarioFile, [scenarioFile, .. extraFiles ?? []]),
        Provenance = new RunProvenance
        {
            Arguments = ["run", scenarioFile, "--seed", "7"],
            SeedOverride = 7,
            DurationOverride = "2m0s",
            KsimVersion = "1.0.0+abc",
            GitCommit = "abc",
            GitDirty = false,
            DotnetVersion = ".NET 10.0.0",
            OperatingSystem = "test",
            Packages = new Dictionary<string, string> { ["YamlDotNet"] = "18.1.0", ["MathNet.Numerics"] = "5.0.0" },
            StartedUtc = DateTimeOffset.UtcNow,
            FinishedUtc = DateTimeOffset.UtcNow,
        },
    };
}
