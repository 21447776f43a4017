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
        PodsByNode = new PodsByNodeIndex(store); // before the controllers that read it, so it has seen each change first
        NodeLifecycle = new NodeLifecycleController(store, settings, PodsByNode);
        TaintEviction = new TaintEvictionController(store, PodsByNode);
        PodGc = new PodGarbageCollector(store, PodsByNode);
        Jobs = new JobController(store, settings, loggerFactory?.CreateLogger(JobController.ComponentName));
        PyTorchJobs = new PyTorchJobController(store, loggerFactory?.CreateLogger(PyTorchJobController.ComponentName));
        ReplicaSets = new ReplicaSetController(store, settings, loggerFactory?.CreateLogger(ReplicaSetController.ComponentName));
        Deployments = new DeploymentController(store, loggerFactory?.CreateLogger(DeploymentController.ComponentName));
        Autoscalers = new HorizontalPodAutoscalerController(store, loggerFactory?.CreateLogger(HorizontalPodAutoscalerController.ComponentName));
        EndpointSlices = new EndpointSliceController(store);
    }

    public ControllerSettings Settings { get; }

    public NodeIpamController NodeIpam { get; }

    public PodsByNodeIndex PodsByNode { get; }

    public NodeLifecycleController NodeLifecycle { get; }

    public TaintEvictionController TaintEviction { get; }

    public PodGarbageCollector PodGc { get; }

    public JobController Jobs { get; }

    /// <summary>Kubeflow training-operator's PyTorchJob controller.</summary>
    public PyTorchJobController PyTorchJobs { get; }

    public ReplicaSetController ReplicaSets { get; }

    public DeploymentController Deployments { get; }

    /// <summary>The HPA controller; it scales nothing until its <see cref="HorizontalPodAutoscalerController.PodMetrics"/> is set.</summary>
    public HorizontalPodAutoscalerController Autoscalers { get; }

    public EndpointSliceController EndpointSlices { get; }
}
