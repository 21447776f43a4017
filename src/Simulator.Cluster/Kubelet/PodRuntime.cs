using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>What a kubelet knows of one pod it admitted: its pending timer and its container's state.</summary>
internal sealed class PodRuntime(Pod pod)
{
    public Pod Pod { get; } = pod;
    public EventHandle Timer { get; set; }
    public bool Terminating { get; set; }
    public SimDuration PullTime { get; set; }
    public SimTime ContainersStarted { get; set; }

    /// <summary>True from the container's start until it exits; a deleted pod gets a grace period only then.</summary>
    public bool ContainerRunning { get; set; }

    public CrashLoopBackoff Backoff;
}
