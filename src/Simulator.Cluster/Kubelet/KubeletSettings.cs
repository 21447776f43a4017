using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>How fast a node turns a bound pod into a running one.</summary>
public sealed record KubeletSettings
{
    /// <summary>Image pull bandwidth per node, bytes per second (ksim default 100 MiB/s).</summary>
    public long ImagePullBytesPerSecond { get; init; } = 100L * 1024 * 1024;

    /// <summary>From images present to containers running (ksim default 1 s).</summary>
    public SimDuration ContainerStartTime { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>kubelet serializeImagePulls, true by default: one pull at a time per node.</summary>
    public bool SerializeImagePulls { get; init; } = true;
}
