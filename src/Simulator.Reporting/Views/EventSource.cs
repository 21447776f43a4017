using Simulator.Cluster.Controllers;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Scheduling;

namespace Simulator.Reporting.Views;

/// <summary>
/// The From column of <c>kubectl describe</c>'s events: the component that recorded the event.
/// events.log does not keep it, but in ksim each reason of a pod or node event has one recorder,
/// so the reason tells it. A pod event not listed is one of the kubelet's admission rejections
/// (OutOfcpu, OutOfnvidia.com/gpu...), a node event not listed one of the node controller's
/// (RegisteredNode, RemovingNode): the only reasons not fixed in the code.
/// </summary>
public static class EventSource
{
    private static readonly Dictionary<string, string> PodReasons = new(StringComparer.Ordinal)
    {
        ["Scheduled"] = Scheduler.ComponentName,
        ["FailedScheduling"] = Scheduler.ComponentName,
        ["Preempted"] = Scheduler.ComponentName,
        ["NodeNotReady"] = NodeLifecycleController.ComponentName,
        ["TaintManagerEviction"] = TaintEvictionController.ComponentName,
        ["TriggeredScaleUp"] = ClusterAutoscaler.ComponentName,
        ["NotTriggerScaleUp"] = ClusterAutoscaler.ComponentName,
        ["ScaleDown"] = ClusterAutoscaler.ComponentName,
        // ksim's drain evicts as `kubectl drain` does and records the eviction under that name.
        ["Evicted"] = "kubectl",
    };

    private static readonly Dictionary<string, string> NodeReasons = new(StringComparer.Ordinal)
    {
        ["NodeReady"] = Cluster.Kubelet.Kubelet.ComponentName,
        ["NodeNotSchedulable"] = Cluster.Kubelet.Kubelet.ComponentName,
        ["NodeSchedulable"] = Cluster.Kubelet.Kubelet.ComponentName,
        ["NodeFailed"] = FaultInjector.ComponentName,
        ["NodeRecovered"] = FaultInjector.ComponentName,
        ["ScaleDown"] = ClusterAutoscaler.ComponentName,
        ["ScaleDownFailed"] = ClusterAutoscaler.ComponentName,
    };

    public static string OfPodEvent(string reason) => PodReasons.GetValueOrDefault(reason, Cluster.Kubelet.Kubelet.ComponentName);

    public static string OfNodeEvent(string reason) => NodeReasons.GetValueOrDefault(reason, NodeLifecycleController.ComponentName);
}
