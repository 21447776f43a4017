using Microsoft.Extensions.Logging;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager: creates every controller, each of which watches the store and acts
/// only by writing to it. Adding a controller is one line here.
/// </summary>
public sealed class ControllerManager
{
    public ControllerManager(ClusterStore store, ControllerSettings settings, Kubelets kubelets, ILoggerFactory? loggerFactory = null)
    {
        Settings = settings;
        NodeIpam = new NodeIpamController(store);
    }

    public ControllerSettings Settings { get; }

    public NodeIpamController NodeIpam { get; }
}
