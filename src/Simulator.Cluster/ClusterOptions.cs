using Microsoft.Extensions.Logging;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Scheduling.Queue;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;

namespace Simulator.Cluster;

/// <summary>Everything that configures one simulated cluster, with Kubernetes' defaults.</summary>
public sealed record ClusterOptions
{
    public ulong Seed { get; init; } = 1;
    public string SchedulerProfile { get; init; } = "default";

    /// <summary>KubeSchedulerConfiguration profiles, each serving the pods that name it in spec.schedulerName (see ProfileSelection).</summary>
    public IReadOnlyList<Scheduling.Profiles.ProfileSpec> ConfiguredProfiles { get; init; } = [];
    public QueueSettings Queue { get; init; } = new();
    public KubeletSettings Kubelet { get; init; } = new();
    public ControllerSettings Controllers { get; init; } = new();

    /// <summary>The Cluster Autoscaler's flags; it acts only on NodePools with <c>spec.autoscaling</c>.</summary>
    public Controllers.ClusterAutoscaler.ClusterAutoscalerSettings ClusterAutoscaler { get; init; } = new();
    public SimDuration MetricsInterval { get; init; } = SimDuration.FromSeconds(10);
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Training speed by model, accelerator count and type: Gavel's table plus the scenario's rows.</summary>
    public ThroughputTable Throughput { get; init; } = ThroughputTable.Default;

    /// <summary>The pod shapes fragmentation-aware GPU policies (FGD) optimise for; null when the scenario gives none.</summary>
    public Scheduling.Fragmentation.TargetWorkload? TargetWorkload { get; init; }

    /// <summary>
    /// Without a duration, a run stops when nothing is left to happen, or at this virtual time if
    /// the cluster never goes quiet (a pod that restarts forever, random faults): 30 days.
    /// </summary>
    public SimDuration MaxRunTimeWithoutDuration { get; init; } = SimDuration.FromHours(24 * 30);
}
