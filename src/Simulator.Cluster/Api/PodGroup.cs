namespace Simulator.Cluster.Api;

public sealed class PodGroupSpec
{
    /// <summary>Pods that must be placeable together before any of them binds.</summary>
    public int MinMember { get; init; } = 1;

    /// <summary>How long pods wait at Permit for their siblings; null: the plugin's permitWaitingTimeSeconds (60).</summary>
    public int? ScheduleTimeoutSeconds { get; init; }
}

public sealed class PodGroupStatus
{
    /// <summary>Pending, Scheduling, Scheduled, Running, Finished (scheduler-plugins' phases).</summary>
    public string Phase { get; set; } = "Pending";

    public int Scheduled { get; set; }
    public int Running { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
}

/// <summary>
/// scheduler-plugins' scheduling.x-k8s.io/v1alpha1 PodGroup: pods labelled
/// <see cref="GroupLabel"/> with its name are placed all together or not at all by the
/// Coscheduling plugin. The default scheduler ignores it.
/// </summary>
public sealed class PodGroup : IApiObject
{
    public const string ApiVersion = "scheduling.x-k8s.io/v1alpha1";

    /// <summary>The pod label that names the pod's group.</summary>
    public const string GroupLabel = "scheduling.x-k8s.io/pod-group";

    public required ObjectMeta Metadata { get; init; }
    public PodGroupSpec Spec { get; init; } = new();
    public PodGroupStatus Status { get; init; } = new();
    public string Kind => "PodGroup";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
