namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// Cluster changes that may make an unschedulable pod schedulable. Each filter plugin registers
/// the ones that can undo its rejections (kube-scheduler's EventsToRegister / QueueingHints), so
/// a pod rejected for taints is not retried when some other pod finishes.
/// </summary>
[Flags]
public enum ClusterEventKind
{
    None = 0,
    NodeAdd = 1 << 0,
    NodeAllocatableChange = 1 << 1,
    NodeLabelChange = 1 << 2,
    NodeTaintChange = 1 << 3,
    NodeSpecUnschedulableChange = 1 << 4,

    /// <summary>An assigned pod was deleted or finished, freeing its resources.</summary>
    AssignedPodDelete = 1 << 5,

    /// <summary>A pod that is not on a node yet was created (a gang's missing member arrived).</summary>
    UnscheduledPodAdd = 1 << 6,

    /// <summary>A scheduler-plugins PodGroup was created or changed.</summary>
    PodGroupChange = 1 << 7,

    /// <summary>A pod was bound to (or assumed on) a node: it may satisfy another pod's affinity or change a spread.</summary>
    AssignedPodAdd = 1 << 8,
    All = ~0,
}
