namespace Simulator.Cluster.Api;

/// <summary>A pod, as stored by the simulated API server.</summary>
public sealed class Pod : IApiObject
{
    public string Kind => "Pod";

    private ResourceList? _requests;

    public required ObjectMeta Metadata { get; init; }
    public required PodSpec Spec { get; init; }
    public PodStatus Status { get; init; } = new();
    public Workload Workload { get; init; } = Workload.Default;

    public string Name => Metadata.Name;
    public string Key => Metadata.Key;
    public bool IsBound => Spec.NodeName.Length > 0;
    public bool IsTerminal => Status.Phase is PodPhase.Succeeded or PodPhase.Failed;
    public bool IsTerminating => Metadata.DeletionTimestamp is not null;

    /// <summary>
    /// The pod's effective requests as Kubernetes computes them: the sum over containers, at least
    /// the largest init container's, plus the pod overhead (resource helpers' PodRequests).
    /// </summary>
    public ResourceList Requests => _requests ??= ComputeRequests();

    private ResourceList ComputeRequests()
    {
        var sum = ResourceList.Empty;
        foreach (var c in Spec.Containers) sum = sum.Add(c.Requests);
        foreach (var c in Spec.InitContainers) sum = sum.Max(c.Requests);
        return sum.Add(Spec.Overhead);
    }

    public override string ToString() => Key;
}
