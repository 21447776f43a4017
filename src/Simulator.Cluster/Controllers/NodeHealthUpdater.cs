using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;
using static Simulator.Cluster.Controllers.NodeLifecycleController;
using static Simulator.Cluster.Controllers.NodeLifecycleTaints;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The node lifecycle controller's reading of a node's Ready condition (kube's tryUpdateNodeHealth):
/// a node whose kubelet has been silent for node-monitor-grace-period goes Unknown, takes its
/// NoSchedule taint and no longer has Ready pods; a node whose kubelet posts again is Ready.
/// </summary>
internal sealed class NodeHealthUpdater(ClusterStore store, ControllerSettings settings, PodsByNodeIndex pods)
{
    private readonly Simulation _sim = store.Simulation;

    /// <summary>
    /// On leaving master disruption mode kube restarts every node's grace period from that moment;
    /// a silent node is judged from the later of its silence and this.
    /// </summary>
    private SimTime _probeFloor = SimTime.Zero;

    /// <summary>Master disruption mode is over: every silent node's grace period starts again at <paramref name="now"/>.</summary>
    public void RestartGracePeriods(SimTime now) => _probeFloor = now;

    /// <summary>A node changed in the store: its NoSchedule taints follow its Ready condition.</summary>
    public void OnNodeUpdate(Node node)
    {
        // The kubelet is posting again (it stands in for the kubelet's own status update): Ready
        // at once, as kube sees it; the NoExecute taint waits for the next monitor pass.
        if (node.Status.HeartbeatStoppedAt is null && ReadyStatus(node) == ConditionStatus.Unknown)
        {
            node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, _sim.Now, "KubeletReady", "kubelet is posting ready status");
            SyncNoScheduleTaints(node);
            store.UpdateNode(node);
            RecordStatusChange(node, "NodeReady", Kubelet.Kubelet.ComponentName);
        }
        else if (SyncNoScheduleTaints(node))
        {
            store.UpdateNode(node);
        }
    }

    /// <summary>tryUpdateNodeHealth: a node silent for the grace period gets its conditions set to Unknown.</summary>
    public void Update(Node node, SimTime now)
    {
        if (node.Status.HeartbeatStoppedAt is not { } stopped) return;
        var probe = SimTime.Max(stopped, _probeFloor);
        if (now - probe < settings.NodeMonitorGracePeriod || ReadyStatus(node) == ConditionStatus.Unknown) return;

        bool wasReady = node.Status.IsReady();
        var conditions = node.Status.Conditions;
        if (ReadyStatus(node) is null)
            node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.Unknown, now, "NodeStatusNeverUpdated", "Kubelet never posted node status.");
        for (int i = 0; i < conditions.Count; i++)
        {
            // kube leaves NetworkUnavailable alone: the network plugin, not the kubelet, owns it.
            var c = conditions[i];
            if (c.Type == NodeConditionType.NetworkUnavailable || c.Status == ConditionStatus.Unknown) continue;
            conditions[i] = new NodeCondition(c.Type, ConditionStatus.Unknown, now, "NodeStatusUnknown", "Kubelet stopped posting node status.");
        }
        SyncNoScheduleTaints(node);
        store.UpdateNode(node);
        if (!wasReady) return;
        RecordStatusChange(node, "NodeNotReady", ComponentName);
        MarkPodsNotReady(node);
    }

    /// <summary>kube's MarkPodsNotReady: the pods of a node that stopped being Ready are not Ready either.</summary>
    private void MarkPodsNotReady(Node node)
    {
        var now = _sim.Now;
        foreach (var pod in pods.Snapshot(node.Name))
        {
            if (pod.Status.GetCondition(PodConditionType.Ready) is not { Status: not ConditionStatus.False } ready) continue;
            pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, ready.Reason, ready.Message);
            store.UpdatePodStatus(pod);
            store.RecordEvent(EventType.Warning, "NodeNotReady", "Pod", pod.Key, "Node is not ready", ComponentName);
        }
    }

    /// <summary>RecordNodeStatusChange: "Node n1 status is now: NodeNotReady".</summary>
    private void RecordStatusChange(Node node, string status, string source) =>
        store.RecordEvent(EventType.Normal, status, "Node", node.Name, $"Node {node.Name} status is now: {status}", source);
}
