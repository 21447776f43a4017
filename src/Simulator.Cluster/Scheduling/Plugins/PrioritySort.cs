using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>Higher priority first, then the pod that entered the queue earlier.</summary>
public sealed class PrioritySort : IQueueSortPlugin
{
    public string Name => PluginNames.PrioritySort;

    public bool Less(QueuedPodInfo a, QueuedPodInfo b)
    {
        int pa = a.Pod.Spec.Priority, pb = b.Pod.Spec.Priority;
        if (pa != pb) return pa > pb;
        if (a.Timestamp != b.Timestamp) return a.Timestamp < b.Timestamp;
        return a.Sequence < b.Sequence;
    }
}
