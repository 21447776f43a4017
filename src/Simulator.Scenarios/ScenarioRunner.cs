using Microsoft.Extensions.Logging;
using Simulator.Cluster;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Engine;

namespace Simulator.Scenarios;

/// <summary>Builds the simulated cluster a scenario describes, applies the command-line overrides, and runs it.</summary>
public static class ScenarioRunner
{
    public static ClusterSimulation Build(ScenarioDefinition scenario, RunOptions options, ILoggerFactory? loggerFactory = null)
    {
        var cluster = new ClusterSimulation(new ClusterOptions
        {
            Seed = options.Seed ?? scenario.Seed,
            SchedulerProfile = options.Profile ?? scenario.Profile,
            ConfiguredProfiles = scenario.ConfiguredProfiles,
            MetricsInterval = scenario.MetricsInterval,
            Kubelet = new KubeletSettings
            {
                ImagePullBytesPerSecond = scenario.ImagePullBytesPerSecond,
                ContainerStartTime = scenario.ContainerStartTime,
            },
            LoggerFactory = loggerFactory,
            Throughput = scenario.Throughput,
            TargetWorkload = scenario.TargetWorkload,
            ClusterAutoscaler = options.Expander is { } expander ? scenario.ClusterAutoscaler with { Expander = expander } : scenario.ClusterAutoscaler,
        });
        foreach (var node in scenario.Nodes) cluster.AddNode(SimTime.Zero, node);
        // After the nodes: a fill counts the GPUs of the nodes registered at time 0.
        if (scenario.TraceReplay is { } trace) cluster.AddTraceReplay(trace);
        foreach (var submission in scenario.Pods) cluster.SubmitPod(submission.SubmitAt, submission.Pod);
        foreach (var submission in scenario.Workloads) cluster.SubmitObject(submission.SubmitAt, submission.Object);
        // After the nodes: a timeline action at time 0 finds the scenario's nodes registered.
        foreach (var pool in scenario.NodePools) cluster.Faults.AddNodePool(pool);
        foreach (var pool in scenario.NodePools) cluster.Metrics.AddNodePool(pool);
        foreach (var action in scenario.Timeline) cluster.Faults.Schedule(action);
        foreach (var model in scenario.FaultModels) cluster.Faults.AddModel(model);
        foreach (var t in scenario.Traffic) cluster.AddTraffic(t);
        foreach (var g in scenario.Generators) cluster.AddGenerator(g);
        return cluster;
    }

    public static RunResult Run(
        ScenarioDefinition scenario,
        RunOptions options,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken,
        ILoggerFactory? loggerFactory = null)
    {
        var cluster = Build(scenario, options, loggerFactory);
        DecisionLog? decisions = null;
        if (options.RecordDecisions || options.RecordDecisionsOf is not null)
        {
            decisions = new DecisionLog(options.RecordDecisionsOf is { } pod ? DecisionLog.ForPod(pod) : null);
            cluster.Scheduler.DecisionRecorder = decisions;
        }
        if (options.Narrate && loggerFactory is not null)
            cluster.Scheduler.DecisionRecorder = new Cluster.Narration.Narrator(
                cluster.Store, loggerFactory.CreateLogger(Cluster.Narration.Narrator.Category), cluster.Scheduler.DecisionRecorder);
        var duration = options.Duration ?? scenario.Duration;
        SimTime? end = duration is { } d ? SimTime.Zero + d : null;
        var result = cluster.Run(end, progress is null ? null : new SynchronousProgress(progress), cancellationToken);
        return decisions is null ? result : result with { Decisions = decisions.Decisions };
    }

    /// <summary>Reports on the simulation thread: System.Progress would post to the thread pool and reorder reports.</summary>
    private sealed class SynchronousProgress(IProgress<RunProgress> target) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress p) => target.Report(new RunProgress(p.Now, p.End, p.EventsProcessed, p.PendingPods, p.RunningPods));
    }
}
