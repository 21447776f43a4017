namespace Simulator.Cluster.Store;

/// <summary>The kinds of change a watch delivers, as in Kubernetes' watch.EventType.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
