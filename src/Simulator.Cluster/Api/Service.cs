using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum ServiceAffinity
{
    None,
    ClientIP,
}

/// <summary>How kube-proxy spreads new connections over a Service's ready endpoints (ksim.dev/lb-mode).</summary>
public enum LoadBalancingMode
{
    /// <summary>iptables / nftables: uniform per new connection (the default).</summary>
    Random,

    /// <summary>IPVS rr.</summary>
    RoundRobin,

    /// <summary>IPVS lc: the endpoint with the fewest active connections.</summary>
    LeastConnections,
}

public sealed record ServicePort(string Name, int Port, int TargetPort, string Protocol = "TCP");

public sealed class ServiceSpec
{
    /// <summary>Pods whose labels match become endpoints. Empty: no endpoints are managed.</summary>
    public IReadOnlyDictionary<string, string> Selector { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyList<ServicePort> Ports { get; init; } = [];

    /// <summary>Assigned from the service CIDR (10.96.0.0/12) at creation; "None" for a headless Service.</summary>
    public string ClusterIP { get; set; } = "";
    public ServiceAffinity SessionAffinity { get; init; } = ServiceAffinity.None;

    /// <summary>sessionAffinityConfig.clientIP.timeoutSeconds: 10800 by default, at most 86400.</summary>
    public SimDuration SessionAffinityTimeout { get; init; } = SimDuration.FromSeconds(10800);

    public bool IsHeadless => ClusterIP == "None";
}

/// <summary>core/v1 Service: a stable name and virtual IP in front of the pods its selector picks.</summary>
public sealed class Service : IApiObject
{
    public required ObjectMeta Metadata { get; init; }
    public required ServiceSpec Spec { get; init; }
    public string Kind => "Service";
    public string Name => Metadata.Name;

    /// <summary><c>ksim.dev/lb-mode</c>: random (default), round-robin, least-connections.</summary>
    public LoadBalancingMode LoadBalancing { get; init; } = LoadBalancingMode.Random;

    /// <summary><c>ksim.dev/slo-latency</c>: requests answered within this count toward SLO attainment.</summary>
    public SimDuration? SloLatency { get; init; }

    /// <summary>"&lt;name&gt;.&lt;namespace&gt;.svc.cluster.local".</summary>
    public string DnsName => $"{Metadata.Name}.{Metadata.Namespace}.svc.cluster.local";

    public override string ToString() => Metadata.Key;
}
