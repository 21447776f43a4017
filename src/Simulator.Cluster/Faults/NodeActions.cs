using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Faults;

/// <summary>
/// What happens to nodes from outside Kubernetes: machines failing and coming back, operators
/// running kubectl cordon, uncordon, drain and delete node, node groups growing and shrinking.
/// Shared by the scripted timeline and the random fault models. Each acts only through the
/// store and the kubelets, then Kubernetes' own components react.
/// </summary>
internal sealed class NodeActions(ClusterStore store, Kubelets kubelets, NodePoolRegistry pools)
{
    /// <summary>
    /// The machine stops: its kubelet goes silent and its pods make no progress. A host of a
    /// multi-host TPU slice takes the whole slice down with it at the same instant (GKE treats the
    /// slice as one unit: one broken host breaks the interconnect and the slice is repaired whole).
    /// </summary>
    public void Fail(Node node, string cause)
    {
        foreach (var (member, why) in UnitOf(node, cause)) FailOne(member, why);
    }

    /// <summary>The machine is back: its kubelet posts status again and restarts the pods still bound to it; a TPU slice comes back whole.</summary>
    public void Recover(Node node, string cause)
    {
        foreach (var (member, why) in UnitOf(node, cause)) RecoverOne(member, why);
    }

    /// <summary>
    /// The node and, for a multi-host TPU slice, every other host of the slice: the node itself
    /// first with <paramref name="cause"/>, then the others in store order, their cause naming it.
    /// </summary>
    private List<(Node Node, string Cause)> UnitOf(Node node, string cause)
    {
        var unit = new List<(Node, string)> { (node, cause) };
        if (pools.Get(node.Pool) is not { Slice: not null } pool) return unit;
        var sliceCause = $"TPU slice {pool.Name} with node {node.Name}: {cause}";
        foreach (var member in pools.NodesOf(pool.Name))
            if (member != node) unit.Add((member, sliceCause));
        return unit;
    }

    private void FailOne(Node node, string cause)
    {
        var kubelet = kubelets.For(node.Name);
        if (kubelet is null || !kubelet.IsUp) return;
        // The cause first: Kubernetes' reactions to it are recorded while the kubelet stops or starts.
        store.RecordEvent(EventType.Warning, "NodeFailed", "Node", node.Name, $"Node {node.Name} failed ({cause})", FaultInjector.ComponentName);
        kubelets.FailNode(node.Name);
    }

    private void RecoverOne(Node node, string cause)
    {
        var kubelet = kubelets.For(node.Name);
        if (kubelet is null || kubelet.IsUp) return;
        store.RecordEvent(EventType.Normal, "NodeRecovered", "Node", node.Name, $"Node {node.Name} recovered ({cause})", FaultInjector.ComponentName);
        kubelets.RecoverNode(node.Name);
    }

    /// <summary>kubectl cordon. The kubelet reports the change as NodeNotSchedulable.</summary>
    public void Cordon(Node node) => SetUnschedulable(node, true, "NodeNotSchedulable");

    /// <summary>kubectl uncordon. The kubelet reports the change as NodeSchedulable.</summary>
    public void Uncordon(Node node) => SetUnschedulable(node, false, "NodeSchedulable");

    /// <summary>
    /// kubectl drain --ignore-daemonsets --force: cordon, then evict every pod on the node. No
    /// PodDisruptionBudget can refuse an eviction yet, so each is an ordinary delete request and
    /// the pod's kubelet stops it within its grace period (a dead node's pods stay Terminating).
    /// DaemonSet pods stay, as with --ignore-daemonsets; finished pods have nothing to evict.
    /// </summary>
    public void Drain(Node node)
    {
        Cordon(node);
        var pods = new List<Pod>();
        foreach (var pod in store.Pods)
        {
            if (pod.Spec.NodeName != node.Name || pod.IsTerminal || pod.IsTerminating) continue;
            if (pod.Metadata.Controller?.Kind == "DaemonSet") continue;
            pods.Add(pod);
        }
        // kubectl lists pods by name; creation order first keeps reruns identical either way.
        pods.Sort(static (a, b) =>
        {
            int c = a.Metadata.CreationTimestamp.CompareTo(b.Metadata.CreationTimestamp);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        });
        foreach (var pod in pods)
        {
            if (store.GetPod(pod.Key) != pod || pod.IsTerminating) continue;
            store.RecordEvent(EventType.Normal, "Evicted", "Pod", pod.Key, $"Evicted by drain of node {node.Name}", "kubectl");
            store.DeletePod(pod);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> nodes from the pool, each named one index above the highest
    /// the pool has ever used. The node lifecycle controller records RegisteredNode for each.
    /// </summary>
    public void AddNodes(NodePool pool, int count)
    {
        for (int i = 0; i < count; i++) store.AddNode(pools.NewNode(pool));
    }

    /// <summary>
    /// The machine is taken away and its Node object deleted: its kubelet stops first, so the
    /// pods still bound to it freeze until the pod garbage collector removes them.
    /// </summary>
    public void Remove(Node node)
    {
        // A TPU slice is deleted whole, as GKE deletes a multi-host slice's node pool.
        foreach (var (member, _) in UnitOf(node, ""))
        {
            if (store.GetNode(member.Name) is null) continue;
            kubelets.FailNode(member.Name);
            store.DeleteNode(member.Name);
        }
    }

    /// <summary>Grows the pool to <paramref name="count"/> nodes, or shrinks it by removing the highest indexes first.</summary>
    public void Scale(NodePool pool, int count)
    {
        var nodes = pools.NodesOf(pool.Name);
        if (nodes.Count < count)
        {
            AddNodes(pool, count - nodes.Count);
            return;
        }
        // Stable sort: nodes without an index (-1) go last, in store order.
        var newestFirst = nodes.OrderByDescending(NodePoolRegistry.IndexOf).ToList();
        for (int i = 0; i < nodes.Count - count; i++) Remove(newestFirst[i]);
    }

    private void SetUnschedulable(Node node, bool unschedulable, string reason)
    {
        if (node.Spec.Unschedulable == unschedulable) return;
        node.Spec.Unschedulable = unschedulable;
        store.UpdateNode(node);
        store.RecordEvent(EventType.Normal, reason, "Node", node.Name, $"Node {node.Name} status is now: {reason}", Kubelet.Kubelet.ComponentName);
    }
}
