using System.Globalization;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>One run of a generated cluster, checked all along by an <see cref="InvariantChecker"/>.</summary>
internal sealed class ScenarioRun
{
    /// <summary>Two hours: every pod is submitted within the first; most batch pods finish in the second.</summary>
    public static readonly SimTime End = SimTime.Zero + SimDuration.FromHours(2);

    private ScenarioRun(ClusterSimulation sim, InvariantChecker checker, RunResult result)
    {
        Sim = sim;
        Checker = checker;
        Result = result;
    }

    public ClusterSimulation Sim { get; }

    public InvariantChecker Checker { get; }

    public RunResult Result { get; }

    public static ScenarioRun Execute(GeneratedCluster cluster, ulong seed)
    {
        var sim = new ClusterSimulation(new ClusterOptions { Seed = seed });
        var checker = new InvariantChecker(sim);
        for (int i = 0; i < cluster.Nodes.Length; i++) sim.AddNode(SimTime.Zero, cluster.BuildNode(i));
        for (int i = 0; i < cluster.Pods.Length; i++)
        {
            var pod = cluster.BuildPod(i);
            sim.SubmitPod(GeneratedCluster.SubmitTime(cluster.Pods[i]), pod);
            if (GeneratedCluster.DeleteTime(cluster.Pods[i]) is { } at)
            {
                sim.Engine.Schedule(at, () =>
                {
                    if (ReferenceEquals(sim.Store.GetPod(pod.Key), pod)) sim.Store.DeletePod(pod);
                });
            }
        }
        var result = sim.Run(End);
        checker.CheckAtEnd();
        return new ScenarioRun(sim, checker, result);
    }

    /// <summary>Everything a run produced that must repeat exactly under the same seed.</summary>
    public IReadOnlyList<string> Fingerprint()
    {
        var lines = new List<string>();
        foreach (var r in Result.Pods)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name} {r.Uid} created={r.Created} scheduled={r.Scheduled} started={r.Started} finished={r.Finished} deleted={r.Deleted} node={r.Node} ip={r.PodIP} phase={r.Phase} reason={r.Reason} failed={r.FailedSchedulingAttempts} message={r.Message}"));
        }
        foreach (var row in Result.TimeSeries)
        {
            var requested = string.Join(",", row.Requested.Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture)));
            var allocatable = string.Join(",", row.Allocatable.Select(kv => kv.Key + "=" + kv.Value.ToString(CultureInfo.InvariantCulture)));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{row.Time} {row.PendingPods} {row.RunningPods} {row.SucceededPods} {row.FailedPods} {row.ReadyNodes} {requested} {allocatable}"));
        }
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"events processed {Result.Summary.EventsProcessed}"));
        return lines;
    }
}
