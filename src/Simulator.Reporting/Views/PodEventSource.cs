using Simulator.Cluster.Controllers;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Scheduling;

namespace Simulator.Reporting.Views;

/// <summary>
/// The From column of <c>kubectl describe pod</c>: the component that recorded a pod event.
/// events.log does not keep it, but each pod event reason has one recorder in ksim, so the reason
/// tells it. Reasons not listed are the kubelet's admission rejections (OutOfcpu, OutOfnvidia.com/gpu...),
/// the only pod events whose reason is not fixed in the code.
/// </summary>
public static class PodEventSource
{
    private static readonly Dictionary<string, string> ByReason = new(StringComparer.Ordinal)
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

    public static string Of(string reason) => ByReason.GetValueOrDefault(reason, Cluster.Kubelet.Kubelet.ComponentName);
}
