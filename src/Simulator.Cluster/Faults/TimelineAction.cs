using Simulator.Engine;

namespace Simulator.Cluster.Faults;

/// <summary>
/// A scripted action from the scenario's timeline, run at a virtual time. These are things that
/// happen to the cluster from outside (a machine dies, an operator drains a node), not
/// Kubernetes components.
/// </summary>
public abstract record TimelineAction(SimTime At);

/// <summary>The node goes down: its kubelet stops heartbeating and its pods stop making progress.</summary>
public sealed record FailNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>A failed node comes back; its kubelet reports Ready again.</summary>
public sealed record RecoverNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>kubectl cordon: spec.unschedulable = true.</summary>
public sealed record CordonNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>kubectl uncordon.</summary>
public sealed record UncordonNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>kubectl drain: cordon, then evict every pod on the node (DaemonSet pods aside).</summary>
public sealed record DrainNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>Adds <paramref name="Count"/> nodes from a node pool (named after the pool's highest index so far).</summary>
public sealed record AddNodes(SimTime At, string Pool, int Count) : TimelineAction(At);

/// <summary>Deletes a node object (kubectl delete node); its pods are garbage-collected.</summary>
public sealed record RemoveNode(SimTime At, string Node) : TimelineAction(At);

/// <summary>Grows or shrinks a node pool to <paramref name="Count"/> nodes (newest removed first).</summary>
public sealed record ScaleNodePool(SimTime At, string Pool, int Count) : TimelineAction(At);
