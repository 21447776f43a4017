namespace Simulator.Cluster.Api;

/// <summary>Anything the API server stores: it has metadata and a kind.</summary>
public interface IApiObject
{
    ObjectMeta Metadata { get; }

    /// <summary>The Kubernetes kind: "Pod", "Deployment", ...</summary>
    string Kind { get; }
}
