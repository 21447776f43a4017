using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>A node the autoscaler asked the provider for, not registered yet.</summary>
/// <param name="Node">The node object it will register as (its name is reserved at the request, as a cloud instance's is).</param>
/// <param name="RequestedAt">When the scale-up asked for it: max-node-provision-time counts from here.</param>
internal sealed record UpcomingNode(Node Node, SimTime RequestedAt)
{
    public EventHandle Registration { get; set; }
}

/// <summary>
/// One NodePool with <c>spec.autoscaling</c>, as the Cluster Autoscaler sees a node group: its
/// bounds, the nodes it has now, the nodes asked for and not registered yet (upcoming), the
/// registered GPU nodes whose GPUs are not allocatable yet, and its backoff after a failed
/// scale-up. Target size = registered + upcoming; CA keeps it within [min, max].
/// </summary>
internal sealed class NodeGroup(NodePool pool)
{
    public NodePool Pool { get; } = pool;

    public string Name => Pool.Name;

    public int Min => Pool.Autoscaling!.Min;

    public int Max => Pool.Autoscaling!.Max;

    /// <summary>Nodes of the pool now in the store (any state), by name, in registration order.</summary>
    public List<string> Registered { get; } = [];

    public List<UpcomingNode> Upcoming { get; } = [];

    /// <summary>Registered nodes whose GPUs are not allocatable yet: CA counts them as upcoming, not as capacity.</summary>
    public HashSet<string> GpusNotReady { get; } = new(StringComparer.Ordinal);

    /// <summary>When the nodes in <see cref="GpusNotReady"/> were asked for: their scale-up times out too.</summary>
    public Dictionary<string, Engine.SimTime> GpusRequestedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Nodes the autoscaler is removing (draining or deleting): no longer counted for min.</summary>
    public HashSet<string> BeingRemoved { get; } = new(StringComparer.Ordinal);

    public NodeGroupBackoff Backoff { get; } = new();

    /// <summary>Target size when the autoscaler started, and the largest it has been since (for the run's summary).</summary>
    public int StartSize { get; set; }
    public int PeakSize { get; set; }

    public int TargetSize => Registered.Count + Upcoming.Count;

    /// <summary>Whether the pool's template has GPUs: its nodes' utilization is their GPU utilization.</summary>
    public bool HasGpus => Pool.Allocatable.Get(ResourceNames.NvidiaGpu) > 0;

    /// <summary>Nodes that may still be removed without going below min.</summary>
    public int RemovableCount => Registered.Count - BeingRemoved.Count - Min;
}
