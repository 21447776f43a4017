namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>What the Cluster Autoscaler did in a run (summary.json's <c>cluster_autoscaler</c>).</summary>
/// <param name="ScaleUps">Scale-up decisions (one node group grown per decision).</param>
/// <param name="NodesRequested">Nodes those decisions asked for.</param>
/// <param name="NodesRegistered">Requested nodes that registered.</param>
/// <param name="ProvisioningTimeouts">Requested nodes given up after max-node-provision-time.</param>
/// <param name="NodesRemoved">Nodes scale-down removed or started draining.</param>
/// <param name="FailedDrains">Drains abandoned because evictions were refused.</param>
/// <param name="Groups">Each node group's bounds and its size (registered + requested) at the start, at its peak and at the end.</param>
public sealed record ClusterAutoscalerSummary(
    int ScaleUps,
    int NodesRequested,
    int NodesRegistered,
    int ProvisioningTimeouts,
    int NodesRemoved,
    int FailedDrains,
    IReadOnlyList<NodeGroupSummary> Groups);

/// <summary>One node group in <see cref="ClusterAutoscalerSummary"/>.</summary>
public sealed record NodeGroupSummary(string Pool, int Min, int Max, int StartSize, int PeakSize, int EndSize);
