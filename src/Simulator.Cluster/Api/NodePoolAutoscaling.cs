using Simulator.Cluster.Faults;

namespace Simulator.Cluster.Api;

/// <summary>
/// <c>NodePool.spec.autoscaling</c>: the pool as a Cluster Autoscaler node group.
/// </summary>
/// <param name="Min">Fewest nodes the autoscaler may leave (its node group minimum).</param>
/// <param name="Max">Most nodes the autoscaler may create (its node group maximum).</param>
/// <param name="ProvisioningDelay">From a scale-up decision to the node registering, a constant or drawn per node; null: the autoscaler's default.</param>
/// <param name="Priority">For the priority expander: higher is preferred.</param>
/// <param name="GpuReadyDelay">On GPU nodes, from registering Ready to the GPUs becoming allocatable; null: the autoscaler's default.</param>
public sealed record NodePoolAutoscaling(int Min, int Max, DurationDistribution? ProvisioningDelay, int Priority, DurationDistribution? GpuReadyDelay = null);
