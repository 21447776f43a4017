using Simulator.Cluster.Api;

namespace Simulator.Cluster.Networking;

/// <summary>Why a request could not be delivered, or failed after delivery.</summary>
public enum RequestFailure
{
    None,

    /// <summary>The DNS name does not resolve to a Service.</summary>
    NoSuchService,

    /// <summary>The Service has no ready (or, failing that, terminating) endpoint.</summary>
    NoEndpoints,

    /// <summary>The pod's queue was full.</summary>
    QueueFull,

    /// <summary>The request was not answered within the Traffic's timeout.</summary>
    Timeout,

    /// <summary>The pod stopped (deleted, node failed) while the request waited or was served.</summary>
    PodGone,
}

/// <summary>
/// Cluster DNS plus kube-proxy: turns a DNS name and a client into one endpoint pod, following the
/// Service's load-balancing mode and session affinity. Implemented in Networking/; used by the
/// traffic generator in Workloads/.
/// </summary>
public interface IRequestRouter
{
    /// <summary>Resolves <paramref name="dnsName"/> (relative names are looked up in <paramref name="ns"/>).</summary>
    Service? Resolve(string dnsName, string ns);

    /// <summary>Picks the endpoint for a new connection from <paramref name="clientId"/>; null with a reason if none.</summary>
    Pod? Route(Service service, int clientId, out RequestFailure failure);

    /// <summary>A connection to <paramref name="pod"/> opened or closed (least-connections counts them).</summary>
    void ConnectionOpened(Pod pod);

    void ConnectionClosed(Pod pod);
}
