using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>kube-controller-manager's timings and limits, with Kubernetes' defaults.</summary>
public sealed record ControllerSettings
{
    /// <summary>node-monitor-period: how often node health is checked (5 s).</summary>
    public SimDuration NodeMonitorPeriod { get; init; } = SimDuration.FromSeconds(5);

    /// <summary>node-monitor-grace-period: 50 s since v1.32 (40 s before).</summary>
    public SimDuration NodeMonitorGracePeriod { get; init; } = SimDuration.FromSeconds(50);

    /// <summary>node-startup-grace-period (60 s).</summary>
    public SimDuration NodeStartupGracePeriod { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>node-eviction-rate: nodes tainted per second in a healthy zone (0.1).</summary>
    public double NodeEvictionRate { get; init; } = 0.1;

    /// <summary>secondary-node-eviction-rate: in an unhealthy zone of a large cluster (0.01).</summary>
    public double SecondaryNodeEvictionRate { get; init; } = 0.01;

    /// <summary>unhealthy-zone-threshold: fraction of NotReady nodes that makes a zone unhealthy (0.55).</summary>
    public double UnhealthyZoneThreshold { get; init; } = 0.55;

    /// <summary>large-cluster-size-threshold: at or below this many nodes, an unhealthy zone stops evictions (50).</summary>
    public int LargeClusterSizeThreshold { get; init; } = 50;

    /// <summary>Job pod re-creation backoff: 10 s doubling...</summary>
    public SimDuration JobInitialBackoff { get; init; } = SimDuration.FromSeconds(10);

    /// <summary>... capped at MaxJobPodFailureBackOff = 10 min in the code (the docs say 6 min).</summary>
    public SimDuration JobMaxBackoff { get; init; } = SimDuration.FromMinutes(10);

    /// <summary>The ReplicaSet controller's burstReplicas: at most 500 creations or deletions per sync.</summary>
    public int BurstReplicas { get; init; } = 500;
}
