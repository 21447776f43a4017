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

    /// <summary>
    /// Writes <paramref name="result"/> (default: <see cref="Result"/>) for a one-file scenario under <paramref name="temp"/>; returns the results folder.
    /// Without charts, which the tests under Charts/ draw: rendering is most of a write's time.
    /// </summary>
    public static string WriteTo(TempDirectory temp, RunResult? result = null, bool charts = false)
    {
        var scenario = temp.WriteFile("in/sample.yaml", "kind: Scenario\n");
        var results = temp.Combine("out");
        ResultsWriter.Write(results, Record(scenario, result), charts);
        return results;
    }

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
        OwnerKind = "Job",
        OwnerName = "web-batch",
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

    public static PodRecord EvictedPod() => new()
    {
        Namespace = "default",
        Name = "web-5d8f-x2k",
        Uid = "uid-3",
        Created = Seconds(5),
        Scheduled = Seconds(5.5),
        Started = Seconds(6.5),
        Terminating = Seconds(60),
        Deleted = Seconds(90),
        Node = "node-b",
        PodIP = "10.0.1.7",
        Phase = PodPhase.Running,
        Restarts = 1,
        Reason = "TaintManagerEviction",
        OwnerKind = "ReplicaSet",
        OwnerName = "web-5d8f",
        Evicted = true,
    };

    public static IReadOnlyList<JobRecord> Jobs() =>
    [
        new JobRecord
        {
            Namespace = "ml", Name = "train-a", Uid = "j-1", Submitted = Seconds(0),
            FirstStart = Seconds(1.5), Completed = Seconds(61.5), Outcome = JobOutcome.Complete, Attempts = 1,
            Completions = 1, Parallelism = 1,
        },
        new JobRecord
        {
            Namespace = "ml", Name = "train-b", Uid = "j-2", Submitted = Seconds(10),
            FirstStart = Seconds(12), Completed = Seconds(100.25), Outcome = JobOutcome.Failed, Reason = "BackoffLimitExceeded",
            Attempts = 3, FailedPods = 2, Restarts = 1,
        },
        new JobRecord { Namespace = "ml", Name = "train-c", Uid = "j-3", Submitted = Seconds(110) },
    ];

    /// <summary>node-b fails at 30 s and is back at 75.5 s; node-c fails at 100 s and is removed at 110 s.</summary>
    public static IReadOnlyList<NodeInterval> Nodes() =>
    [
        new NodeInterval("node-a", "cpu", NodeState.Ready, Seconds(0), null, Seconds(0), null),
        new NodeInterval("node-b", "gpu", NodeState.Ready, Seconds(0), Seconds(30), Seconds(0), null),
        new NodeInterval("node-b", "gpu", NodeState.NotReady, Seconds(30), Seconds(75.5), Seconds(0), null),
        new NodeInterval("node-b", "gpu", NodeState.Ready, Seconds(75.5), null, Seconds(0), null),
        new NodeInterval("node-c", "gpu", NodeState.Ready, Seconds(0), Seconds(100), Seconds(0), Seconds(110)),
        new NodeInterval("node-c", "gpu", NodeState.NotReady, Seconds(100), Seconds(110), Seconds(0), Seconds(110)),
    ];

    public static RunResult Result(bool partial = false) => new()
    {
        EndTime = Seconds(120),
        Partial = partial,
        Summary = new RunSummary
        {
            SimulatedSeconds = 120,
            EventsProcessed = 42,
            PodsCreated = 3,
            PodsScheduled = 2,
            PodsUnschedulable = 1,
            PodsEverUnschedulable = 1,
            PodsSucceeded = 1,
            PodsFailed = 0,
            PodsRunningAtEnd = 0,
            PodsPendingAtEnd = 1,
            SchedulingLatency = new LatencySummary(1, 0.25, 0.25, 0.25),
            AllocationRatio = new Dictionary<string, double> { ["nvidia.com/gpu"] = 0, ["memory"] = 0.125, ["cpu"] = 0.5 },
            Jobs = new JobsSummary(3, 1, 1, new CompletionTimeSummary(61.5, 61.5, 61.5, 61.5)),
            PodDisruptions = new PodDisruptionSummary(1, 1),
            NodeHealth = new NodeHealthSummary(2, 55.5),
            TimeToRecover = new RecoverySummary(1, 50.5, 50.5),
        },
        Pods = [ScheduledPod(), PendingPod(), EvictedPod()],
        Jobs = Jobs(),
        Nodes = Nodes(),
        Recoveries =
        [
            new RecoveryInterval("Deployment", "default", "web", Seconds(30), Seconds(80.5)),
            new RecoveryInterval("ReplicaSet", "default", "cache", Seconds(100), null),
        ],
        TimeSeries =
        [
            new TimeSeriesRow(Seconds(0), 1, 0, 0, 0, 2, 0, 0,
                new Dictionary<string, long> { ["cpu"] = 0 },
                new Dictionary<string, long> { ["cpu"] = 8000, ["memory"] = 1L << 34 }),
            new TimeSeriesRow(Seconds(10), 1, 1, 0, 0, 2, 1, 1,
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
