using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Faults;

/// <summary>
/// Plays the scenario's timeline: each action runs at its virtual time, in the order given for
/// actions at the same time. An action on a node or pool that does not exist at that moment (a
/// node already removed, say) does nothing but leave a Warning event saying so.
/// </summary>
internal sealed class TimelineRunner(ClusterStore store, NodeActions actions, NodePoolRegistry pools) : IEventHandler
{
    private const string Cause = "timeline";

    private readonly Simulation _sim = store.Simulation;

    public void Schedule(TimelineAction action) => _sim.Schedule(action.At, this, action);

    public void OnEvent(object? state, long arg) => Run((TimelineAction)state!);

    public void Run(TimelineAction action)
    {
        switch (action)
        {
            case FailNode a: WithNode(a, a.Node, n => actions.Fail(n, Cause)); break;
            case RecoverNode a: WithNode(a, a.Node, n => actions.Recover(n, Cause)); break;
            case CordonNode a: WithNode(a, a.Node, actions.Cordon); break;
            case UncordonNode a: WithNode(a, a.Node, actions.Uncordon); break;
            case DrainNode a: WithNode(a, a.Node, actions.Drain); break;
            case RemoveNode a: WithNode(a, a.Node, actions.Remove); break;
            case AddNodes a: WithPool(a, a.Pool, p => pools.NodesOf(p.Name).Count + a.Count, p => actions.AddNodes(p, a.Count)); break;
            case ScaleNodePool a: WithPool(a, a.Pool, _ => a.Count, p => actions.Scale(p, a.Count)); break;
            default: throw new ArgumentException($"unknown timeline action {action.GetType().Name}", nameof(action));
        }
    }

    private void WithNode(TimelineAction action, string name, Action<Node> act)
    {
        if (store.GetNode(name) is { } node) act(node);
        else Skipped(action, "Node", name, $"node \"{name}\" not found");
    }

    /// <summary>
    /// Runs a pool action; on a multi-host TPU slice only if the pool ends up with no nodes or the
    /// whole slice (GKE cannot add single hosts to a slice; shrinking it at all removes it whole).
    /// </summary>
    private void WithPool(TimelineAction action, string name, Func<NodePool, int> sizeAfter, Action<NodePool> act)
    {
        if (pools.Get(name) is not { } pool)
        {
            Skipped(action, "NodePool", name, $"node pool \"{name}\" not found");
            return;
        }
        int size = sizeAfter(pool);
        if (pool.Slice is { } slice && size != 0 && size != slice.Hosts && size > pools.NodesOf(name).Count)
        {
            Skipped(action, "NodePool", name, $"node pool \"{name}\" is a {slice.Hosts}-host TPU slice ({slice.Topology}): it has 0 or {slice.Hosts} nodes, not {size}");
            return;
        }
        act(pool);
    }

    private void Skipped(TimelineAction action, string kind, string name, string why) =>
        store.RecordEvent(EventType.Warning, "TimelineActionSkipped", kind, name,
            $"{action.GetType().Name} at {action.At} skipped: {why}", FaultInjector.ComponentName);
}
