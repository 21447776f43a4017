namespace Simulator.Cluster.Api;

public enum DeploymentStrategyType
{
    RollingUpdate,
    Recreate,
}

/// <summary>The rollout strategy; maxSurge and maxUnavailable default to 25 %.</summary>
public sealed record DeploymentStrategy(DeploymentStrategyType Type, IntOrPercent MaxSurge, IntOrPercent MaxUnavailable)
{
    public static readonly DeploymentStrategy Default =
        new(DeploymentStrategyType.RollingUpdate, IntOrPercent.Percent(25), IntOrPercent.Percent(25));
}

public sealed class DeploymentSpec
{
    public int Replicas { get; set; } = 1;
    public required LabelSelector Selector { get; init; }

    /// <summary>Settable: replacing the template is what starts a rollout.</summary>
    public required PodTemplate Template { get; set; }
    public DeploymentStrategy Strategy { get; init; } = DeploymentStrategy.Default;
    public int MinReadySeconds { get; init; }
    public int RevisionHistoryLimit { get; init; } = 10;
    public int ProgressDeadlineSeconds { get; init; } = 600;
}

public sealed class DeploymentStatus
{
    public int Replicas { get; set; }
    public int UpdatedReplicas { get; set; }
    public int ReadyReplicas { get; set; }
    public int AvailableReplicas { get; set; }
    public int UnavailableReplicas { get; set; }
}

/// <summary>apps/v1 Deployment: manages ReplicaSets, one per template revision.</summary>
public sealed class Deployment : IApiObject
{
    public required ObjectMeta Metadata { get; init; }
    public required DeploymentSpec Spec { get; init; }
    public DeploymentStatus Status { get; init; } = new();
    public string Kind => "Deployment";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
