using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;
using static Simulator.Cluster.Controllers.NodeLifecycleController;
using static Simulator.Cluster.Controllers.NodeLifecycleTaints;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The node lifecycle controller's NoExecute tainting (kube's zoneNoExecuteTainter): a node not
/// Ready waits in its zone's rate-limited queue (<see cref="NodeLifecycleZone"/>) for
/// <c>unreachable:NoExecute</c> or <c>not-ready:NoExecute</c>; a node Ready again loses both at
/// once. Each zone with nodes waiting wakes itself when its next token is due.
/// </summary>
internal sealed class NoExecuteTainter(ClusterStore store) : IEventHandler
{
    private readonly Simulation _sim = store.Simulation;

    public void OnEvent(object? state, long arg) => TryTaint((NodeLifecycleZone)state!);

    /// <summary>processTaintBaseEviction, on the Ready condition as this pass left it.</summary>
    public void ProcessTaintBasedEviction(Node node, NodeLifecycleZone zone)
    {
        switch (ReadyStatus(node))
        {
            case ConditionStatus.Unknown:
                MarkForTainting(node, zone, NotReadyNoExecute, UnreachableNoExecute);
                break;
            case ConditionStatus.False:
                MarkForTainting(node, zone, UnreachableNoExecute, NotReadyNoExecute);
                break;
            default:
                MarkAsReachable(node, zone);
                break;
        }
    }

    /// <summary>markNodeAsReachable: both NoExecute taints off, and out of the zone's queue.</summary>
    public void MarkAsReachable(Node node, NodeLifecycleZone zone)
    {
        if (HasTaint(node, UnreachableNoExecute) || HasTaint(node, NotReadyNoExecute))
        {
            node.Spec.Taints = Without(node.Spec.Taints, UnreachableNoExecute, NotReadyNoExecute);
            store.UpdateNode(node);
        }
        zone.Remove(node.Name);
    }

    /// <summary>setLimiterInZone's effect: the zone's new rate, and its timer re-armed for it.</summary>
    public void SetLimiter(NodeLifecycleZone zone, double qps, SimTime now)
    {
        zone.SwapLimiter(qps, now);
        _sim.Cancel(zone.Timer);
        ArmZone(zone);
    }

    /// <summary>doNoExecuteTaintingPass for one zone: taint queued nodes while tokens last.</summary>
    public void TryTaint(NodeLifecycleZone zone)
    {
        var now = _sim.Now;
        while (zone.HasQueue && zone.TryAccept(now))
        {
            var name = zone.Dequeue();
            // A node deleted or Ready again meanwhile still used up its token, as in kube.
            if (store.GetNode(name) is not { } node) continue;
            switch (ReadyStatus(node))
            {
                case ConditionStatus.Unknown:
                    SwapTaints(node, UnreachableNoExecute, NotReadyNoExecute);
                    break;
                case ConditionStatus.False:
                    SwapTaints(node, NotReadyNoExecute, UnreachableNoExecute);
                    break;
            }
        }
        ArmZone(zone);
    }

    /// <summary>
    /// A node already carrying the opposite NoExecute taint swaps it at once; otherwise it is
    /// (re)queued, at the back, unless it already carries the wanted taint (markNodeForTainting).
    /// </summary>
    private void MarkForTainting(Node node, NodeLifecycleZone zone, Taint opposite, Taint wanted)
    {
        if (HasTaint(node, opposite))
        {
            SwapTaints(node, wanted, opposite);
            return;
        }
        if (!HasTaint(node, wanted)) zone.Remove(node.Name);
        zone.Add(node.Name);
    }

    /// <summary>Wakes the zone when its next token is due, if it has nodes waiting and a rate above zero.</summary>
    private void ArmZone(NodeLifecycleZone zone)
    {
        if (!zone.HasQueue || zone.Qps <= 0 || _sim.IsPending(zone.Timer)) return;
        zone.Timer = _sim.Schedule(SimTime.Max(zone.NextTokenAt, _sim.Now), this, zone);
    }

    /// <summary>SwapNodeControllerTaint: adds <paramref name="add"/> and removes <paramref name="remove"/> in one write.</summary>
    private void SwapTaints(Node node, Taint add, Taint remove)
    {
        if (HasTaint(node, add) && !HasTaint(node, remove)) return;
        var taints = Without(node.Spec.Taints, add, remove);
        taints.Add(add);
        node.Spec.Taints = taints;
        store.UpdateNode(node);
    }
}
