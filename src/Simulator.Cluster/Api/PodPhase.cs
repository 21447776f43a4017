namespace Simulator.Cluster.Api;

/// <summary>core/v1 PodPhase. A pod is in exactly one phase at any instant.</summary>
public enum PodPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
