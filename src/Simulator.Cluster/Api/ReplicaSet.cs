namespace Simulator.Cluster.Api;

public sealed class ReplicaSetSpec
{
    public int Replicas { get; set; } = 1;
    public required LabelSelector Selector { get; init; }
    public required PodTemplate Template { get; init; }
    public int MinReadySeconds { get; init; }
}

public sealed class ReplicaSetStatus
{
    public int Replicas { get; set; }
    public int FullyLabeledReplicas { get; set; }
    public int ReadyReplicas { get; set; }
    public int AvailableReplicas { get; set; }
}

/// <summary>apps/v1 ReplicaSet: keeps <c>replicas</c> pods matching its selector running.</summary>
public sealed class ReplicaSet : IApiObject
{
    public required ObjectMeta Metadata { get; init; }
    public required ReplicaSetSpec Spec { get; init; }
    public ReplicaSetStatus Status { get; init; } = new();
    public string Kind => "ReplicaSet";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
