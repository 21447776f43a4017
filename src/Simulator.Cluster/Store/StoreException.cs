namespace Simulator.Cluster.Store;

/// <summary>
/// A write the API server refuses (AlreadyExists, NotFound, Invalid). These are rejected requests,
/// not bugs: a scenario that creates the same pod twice gets this with the Kubernetes reason.
/// </summary>
public sealed class StoreException(string reason, string message) : Exception(message)
{
    /// <summary>The Kubernetes status reason: AlreadyExists, NotFound, Invalid, Conflict.</summary>
    public string Reason { get; } = reason;
}
