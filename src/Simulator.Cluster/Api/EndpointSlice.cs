namespace Simulator.Cluster.Api;

/// <summary>discovery.k8s.io/v1 EndpointConditions.</summary>
public readonly record struct EndpointConditions(bool Ready, bool Serving, bool Terminating);

/// <summary>One endpoint: a pod's IP, its conditions, the pod and its node.</summary>
public sealed record Endpoint(string Address, EndpointConditions Conditions, string PodKey, string NodeName);

/// <summary>
/// discovery.k8s.io/v1 EndpointSlice: up to 100 endpoints of one Service (label
/// kubernetes.io/service-name). The endpoint list is replaced, never edited in place.
/// </summary>
public sealed class EndpointSlice : IApiObject
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const int MaxEndpoints = 100;

    public required ObjectMeta Metadata { get; init; }
    public required string ServiceName { get; init; }
    public IReadOnlyList<Endpoint> Endpoints { get; set; } = [];
    public string Kind => "EndpointSlice";
    public override string ToString() => Metadata.Key;
}
