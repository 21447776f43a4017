using Simulator.Cluster.Api;

namespace Simulator.Cluster.Store;

/// <summary>A component that watches pods (the scheduler's informer, the kubelets, the recorders).</summary>
public interface IPodWatcher
{
    void OnPodEvent(WatchEventType type, Pod pod);
}

/// <summary>A component that watches nodes.</summary>
public interface INodeWatcher
{
    void OnNodeEvent(WatchEventType type, Node node);
}
