using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// The kubelets of all nodes. One watcher routes each pod change to the kubelet of the pod's
/// node, so a change costs O(1) rather than one call per node.
/// </summary>
public sealed class Kubelets : IPodWatcher, INodeWatcher
{
    /// <summary>kubelet maxPods default.</summary>
    public const long MaxPods = 110;

    private readonly ClusterStore _store;
    private readonly KubeletSettings _settings;
    private readonly Dictionary<string, Kubelet> _byNode = new(StringComparer.Ordinal);

    public Kubelets(ClusterStore store, KubeletSettings settings)
    {
        _store = store;
        _settings = settings;
        store.Watch((INodeWatcher)this);
        store.Watch((IPodWatcher)this);
    }

    public Kubelet? For(string nodeName) => _byNode.GetValueOrDefault(nodeName);

    /// <summary>
    /// The container of <paramref name="pod"/> exits 0 now: the pod succeeds under restartPolicy
    /// Never or OnFailure, so its controller counts a completion. False if it was not running.
    /// </summary>
    public bool CompleteContainers(Pod pod) =>
        pod.IsBound && _byNode.TryGetValue(pod.Spec.NodeName, out var kubelet) && kubelet.CompleteContainers(pod);

    /// <summary>Takes a node down (a fault): its kubelet stops.</summary>
    public void FailNode(string nodeName) => _byNode.GetValueOrDefault(nodeName)?.Fail();

    /// <summary>Brings a failed node back; its kubelet restarts the pods still bound to it, oldest first.</summary>
    public void RecoverNode(string nodeName)
    {
        if (!_byNode.TryGetValue(nodeName, out var kubelet)) return;
        var bound = _store.Pods
            .Where(p => p.Spec.NodeName == nodeName)
            .OrderBy(p => p.Metadata.CreationTimestamp)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        kubelet.Recover(bound);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        switch (type)
        {
            case WatchEventType.Added:
                _byNode[node.Name] = new Kubelet(_store, node, _settings);
                node.Status.Capacity = Reported(node.Status.Capacity);
                node.Status.Allocatable = Reported(node.Status.Allocatable);
                // A node that registers is Ready once its kubelet reports in.
                node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, _store.Now, "KubeletReady", "kubelet is posting ready status");
                _store.UpdateNode(node);
                break;
            case WatchEventType.Deleted:
                // The machine is gone: its kubelet stops acting on pods and its timers are cancelled.
                if (_byNode.Remove(node.Name, out var gone)) gone.Stop();
                break;
        }
    }

    /// <summary>
    /// A node's resources as its kubelet reports them: with its pod capacity (maxPods, default
    /// 110) and, for ksim's GPU sharing, each physical GPU also as 1000 ksim.dev/gpu-milli (so
    /// NodeResourcesFit can count shares; GpuShare then places each share on one GPU). The Cluster
    /// Autoscaler builds its template nodes with it, so they look as the nodes will.
    /// </summary>
    public static ResourceList Reported(ResourceList resources)
    {
        if (!resources.Contains(ResourceNames.Pods))
            resources = resources.Add(ResourceList.Of((ResourceNames.Pods, MaxPods)));
        long gpus = resources.Get(ResourceNames.NvidiaGpu);
        if (gpus <= 0 || resources.Contains(ResourceNames.GpuMilli)) return resources;
        return resources.Add(ResourceList.Of((ResourceNames.GpuMilli, gpus * Accelerators.GpuDemand.MilliPerGpu)));
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (!pod.IsBound || !_byNode.TryGetValue(pod.Spec.NodeName, out var kubelet)) return;
        kubelet.Sync(pod, type == WatchEventType.Deleted);
    }
}
