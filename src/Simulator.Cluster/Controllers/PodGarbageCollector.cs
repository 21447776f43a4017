using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's pod garbage collector, orphan rule only: pods bound to a node that
/// no longer exists are marked Failed (unless already finished) and force-removed, with no grace
/// period, as no kubelet is left to stop them.
/// <para>
/// Timing as in kube: the collector looks every gcCheckPeriod (20 s) for pods whose node is gone,
/// then waits a quarantine of 40 s and checks again that the node is still absent, so the pods
/// go 40–60 s after the node. A node of the same name registered meanwhile keeps them.
/// </para>
/// <para>
/// kube's other rules are left out: terminated pods above terminated-pod-gc-threshold (12,500,
/// more than a ksim run keeps), unscheduled terminating pods (ksim deletes those at once), and
/// terminating pods on nodes tainted out-of-service (no one sets that taint in ksim).
/// </para>
/// </summary>
public sealed class PodGarbageCollector : INodeWatcher, IEventHandler
{
    public const string ComponentName = "pod-garbage-collector";

    /// <summary>kube's gcCheckPeriod.</summary>
    public static readonly SimDuration CheckPeriod = SimDuration.FromSeconds(20);

    /// <summary>kube's quarantineTime: how long a node must stay gone before its pods are collected.</summary>
    public static readonly SimDuration Quarantine = SimDuration.FromSeconds(40);

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly PodsByNodeIndex _pods;

    public PodGarbageCollector(ClusterStore store, PodsByNodeIndex pods)
    {
        _store = store;
        _sim = store.Simulation;
        _pods = pods;
        store.Watch(this);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type != WatchEventType.Deleted || _pods.On(node.Name).Count == 0) return;
        long period = CheckPeriod.Microseconds;
        var noticed = new SimTime((_sim.Now.Microseconds / period + 1) * period);
        _sim.Schedule(noticed + Quarantine, this, node.Name);
    }

    public void OnEvent(object? state, long arg)
    {
        var nodeName = (string)state!;
        if (_store.GetNode(nodeName) is not null) return;
        foreach (var pod in _pods.Snapshot(nodeName))
        {
            if (_store.GetPod(pod.Key) != pod) continue;
            if (!pod.IsTerminal)
            {
                pod.Status.Phase = PodPhase.Failed;
                _store.UpdatePodStatus(pod);
            }
            _store.RemovePod(pod);
        }
    }
}
