namespace Simulator.Cluster.Metrics;

/// <summary>Jobs by outcome, and the completion time of those that completed.</summary>
public sealed record JobsSummary(int Total, int Completed, int Failed, CompletionTimeSummary CompletionTime)
{
    public static readonly JobsSummary None = new(0, 0, 0, CompletionTimeSummary.None);
}

/// <summary>Job completion time (submission to the Complete condition) in seconds; nearest-rank percentiles.</summary>
public sealed record CompletionTimeSummary(double MeanSeconds, double P50Seconds, double P95Seconds, double MaxSeconds)
{
    public static readonly CompletionTimeSummary None = new(0, 0, 0, 0);
}

/// <summary>Pods evicted (drain, taint manager, preemption, node pressure) and container restarts summed over all pods.</summary>
public sealed record PodDisruptionSummary(int Evicted, int Restarts)
{
    public static readonly PodDisruptionSummary None = new(0, 0);
}

/// <summary>Ready-to-NotReady transitions, and the time nodes spent NotReady after having been Ready.</summary>
public sealed record NodeHealthSummary(int Failures, double DowntimeSeconds)
{
    public static readonly NodeHealthSummary None = new(0, 0);
}

/// <summary>Recovered outages of Deployments and bare ReplicaSets, and their time to recover in seconds.</summary>
public sealed record RecoverySummary(int Count, double P50Seconds, double MaxSeconds)
{
    public static readonly RecoverySummary None = new(0, 0, 0);
}

/// <summary>HorizontalPodAutoscalers sampled, the most replicas any of their targets had at a sample, and SuccessfulRescale events.</summary>
public sealed record HpaSummary(int Count, int MaxReplicasSeen, int Rescales)
{
    public static readonly HpaSummary None = new(0, 0, 0);
}
