using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's node IPAM: gives each new node a /24 pod CIDR out of the cluster
/// CIDR (10.244.0.0/16 and up, the common kubeadm/flannel choice), never reusing one in a run.
/// </summary>
public sealed class NodeIpamController : INodeWatcher
{
    private readonly ClusterStore _store;
    private int _nextBlock = 244 * 256;

    public NodeIpamController(ClusterStore store)
    {
        _store = store;
        store.Watch(this);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type != WatchEventType.Added || node.Spec.PodCidr.Length > 0) return;
        int block = _nextBlock++ % 65536;
        node.Spec.PodCidr = string.Create(CultureInfo.InvariantCulture, $"10.{block / 256}.{block % 256}.0/24");
        _store.UpdateNode(node);
    }
}
