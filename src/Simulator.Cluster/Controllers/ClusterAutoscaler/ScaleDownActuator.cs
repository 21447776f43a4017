using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Disruption;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>A node the autoscaler is draining: tainted, its pods evicted, deleted once they are gone.</summary>
internal sealed class NodeDrain(Node node, NodeGroup group, SimTime started)
{
    public Node Node { get; } = node;
    public NodeGroup Group { get; } = group;
    public SimTime Started { get; } = started;

    /// <summary>Pods whose eviction a PodDisruptionBudget refused so far; retried on every scan.</summary>
    public List<Pod> Refused { get; } = [];

    /// <summary>Pods evicted by this drain: the node goes once they are gone (CA waits for these only).</summary>
    public List<Pod> Evicted { get; } = [];
}

/// <summary>
/// CA's scale-down actuator. Every removal starts by tainting the node
/// <c>ToBeDeletedByClusterAutoscaler:NoSchedule</c> (so nothing new lands on it). An empty node is
/// then deleted at once, several in one pass (in bulk). A node with pods is drained: each pod goes
/// through the eviction API, which refuses while a PodDisruptionBudget allows no disruption; CA
/// retries for up to 2 min (MaxPodEvictionTime) and then gives up, untaints the node and records
/// ScaleDownFailed. Evicted pods stop within their grace period (at most max-graceful-termination-sec);
/// the node is deleted when the evicted pods are gone; if some are still there after that time plus
/// CA's 30 s headroom, the drain fails the same way and the node stays. Texts are CA's (1.3x).
/// The machine goes with the Node object, as a node group's instance is deleted.
/// </summary>
internal sealed class ScaleDownActuator(ClusterStore store, NodeActions nodes, DisruptionBudgets budgets, ClusterAutoscalerSettings settings)
{
    public const string ToBeDeletedTaint = "ToBeDeletedByClusterAutoscaler";

    /// <summary>CA's MaxPodEvictionTime: how long refused evictions are retried before the drain fails.</summary>
    public static readonly SimDuration MaxPodEvictionTime = SimDuration.FromMinutes(2);

    /// <summary>CA's PodEvictionHeadroom, added to max-graceful-termination-sec while waiting for evicted pods.</summary>
    public static readonly SimDuration PodEvictionHeadroom = SimDuration.FromSeconds(30);

    private readonly List<NodeDrain> _drains = [];

    public IReadOnlyList<NodeDrain> Drains => _drains;

    /// <summary>Deletes an empty node now.</summary>
    public void DeleteEmpty(Node node, NodeGroup group)
    {
        group.BeingRemoved.Add(node.Name);
        Taint(node);
        store.RecordEvent(EventType.Normal, "ScaleDownEmpty", ClusterAutoscaler.StatusKind, ClusterAutoscaler.StatusName,
            $"Scale-down: removing empty node \"{node.Name}\"", ClusterAutoscaler.ComponentName);
        Delete(node);
        store.RecordEvent(EventType.Normal, "ScaleDownEmpty", ClusterAutoscaler.StatusKind, ClusterAutoscaler.StatusName,
            $"Scale-down: empty node {node.Name} removed", ClusterAutoscaler.ComponentName);
    }

    /// <summary>Starts draining a node whose pods the planner found room for.</summary>
    /// <param name="utilization">The node's utilization as the planner measured it, for CA's status event.</param>
    public void StartDrain(Node node, NodeGroup group, IReadOnlyList<Pod> pods, double utilization, SimTime now)
    {
        group.BeingRemoved.Add(node.Name);
        Taint(node);
        store.RecordEvent(EventType.Normal, "ScaleDown", ClusterAutoscaler.StatusKind, ClusterAutoscaler.StatusName,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Scale-down: removing node {node.Name}, utilization: {utilization:0.###}, pods to reschedule: {string.Join(",", pods.Select(p => p.Name))}"),
            ClusterAutoscaler.ComponentName);
        var drain = new NodeDrain(node, group, now);
        _drains.Add(drain);
        foreach (var pod in pods) Evict(drain, pod);
    }

    /// <summary>Retries refused evictions and finishes or abandons drains. Returns true if a drain failed.</summary>
    public bool Continue(SimTime now)
    {
        bool failed = false;
        for (int i = 0; i < _drains.Count; i++)
        {
            var drain = _drains[i];
            if (store.GetNode(drain.Node.Name) is null)
            {
                // Someone else removed it (a timeline action): nothing left to do.
                drain.Group.BeingRemoved.Remove(drain.Node.Name);
                _drains.RemoveAt(i--);
                continue;
            }
            var refused = drain.Refused.ToList();
            drain.Refused.Clear();
            foreach (var pod in refused)
                if (store.GetPod(pod.Key) == pod && !pod.IsTerminating) Evict(drain, pod);
            if (drain.Refused.Count > 0)
            {
                if (now - drain.Started < MaxPodEvictionTime) continue;
                foreach (var pod in drain.Refused)
                    store.RecordEvent(EventType.Warning, "ScaleDownFailed", "Pod", pod.Key, "failed to delete pod for ScaleDown", ClusterAutoscaler.ComponentName);
                Abandon(drain, $"failed to evict pods: {string.Join(",", drain.Refused.Select(p => p.Name))}: Cannot evict pod as it would violate the pod's disruption budget.");
                _drains.RemoveAt(i--);
                failed = true;
                continue;
            }
            if (EvictedPodsLeft(drain))
            {
                if (now - drain.Started < settings.MaxGracefulTermination + PodEvictionHeadroom) continue;
                // CA's waitPodsToDisappear: pods still there after the longest grace period plus
                // headroom fail the drain; the node stays.
                Abandon(drain, $"pods remaining after timeout: {string.Join(",", drain.Evicted.Where(p => store.GetPod(p.Key) == p).Select(p => p.Name))}");
                _drains.RemoveAt(i--);
                failed = true;
                continue;
            }
            store.RecordEvent(EventType.Normal, "ScaleDown", ClusterAutoscaler.StatusKind, ClusterAutoscaler.StatusName,
                $"Scale-down: node {drain.Node.Name} removed with drain", ClusterAutoscaler.ComponentName);
            Delete(drain.Node);
            _drains.RemoveAt(i--);
        }
        return failed;
    }

    private void Evict(NodeDrain drain, Pod pod)
    {
        if (!budgets.MayEvict(pod))
        {
            drain.Refused.Add(pod);
            return;
        }
        store.RecordEvent(EventType.Normal, "ScaleDown", "Pod", pod.Key, "deleting pod for node scale down", ClusterAutoscaler.ComponentName);
        // CA's eviction asks for min(the pod's grace period, max-graceful-termination-sec); 0 sets no cap.
        store.DeletePod(pod, settings.MaxGracefulTermination > SimDuration.Zero ? settings.MaxGracefulTermination : null);
        drain.Evicted.Add(pod);
    }

    /// <summary>CA could not drain the node: it stays, untainted, and its pods that were evicted are re-created elsewhere.</summary>
    private void Abandon(NodeDrain drain, string why)
    {
        var node = drain.Node;
        drain.Group.BeingRemoved.Remove(node.Name);
        node.Spec.Taints = node.Spec.Taints.Where(t => t.Key != ToBeDeletedTaint).ToList();
        store.UpdateNode(node);
        store.RecordEvent(EventType.Warning, "ScaleDownFailed", "Node", node.Name,
            $"failed to drain and delete node: {why}", ClusterAutoscaler.ComponentName);
    }

    /// <summary>Whether a pod this drain evicted is still on the node (not yet removed, not finished).</summary>
    private bool EvictedPodsLeft(NodeDrain drain)
    {
        foreach (var pod in drain.Evicted)
            if (store.GetPod(pod.Key) == pod && !pod.IsTerminal && pod.Spec.NodeName == drain.Node.Name) return true;
        return false;
    }

    private void Taint(Node node)
    {
        var value = store.Now.Microseconds / 1_000_000;
        node.Spec.Taints = [.. node.Spec.Taints, new Taint(ToBeDeletedTaint, value.ToString(CultureInfo.InvariantCulture), TaintEffect.NoSchedule)];
        store.UpdateNode(node);
        store.RecordEvent(EventType.Normal, "ScaleDown", "Node", node.Name, "marked the node as toBeDeleted/unschedulable", ClusterAutoscaler.ComponentName);
    }

    private void Delete(Node node)
    {
        store.RecordEvent(EventType.Normal, "ScaleDown", "Node", node.Name, "nodes removed by cluster autoscaler", ClusterAutoscaler.ComponentName);
        nodes.Remove(node);
    }
}
