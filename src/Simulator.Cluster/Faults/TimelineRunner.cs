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
            case AddNodes a: WithPool(a, a.Pool, p => actions.AddNodes(p, a.Count)); break;
            case ScaleNodePool a: WithPool(a, a.Pool, p => actions.Scale(p, a.Count)); break;
            default: throw new ArgumentException($"unknown timeline action {action.GetType().Name}", nameof(action));
        }
    }

    private void WithNode(TimelineAction action, string name, Action<Node> act)
    {
        if (store.GetNode(name) is { } node) act(node);
        else Skipped(action, "Node", name, $"node \"{name}\" not found");
    }

    private void WithPool(TimelineAction action, string name, Action<NodePool> act)
    {
        if (pools.Get(name) is { } pool) act(pool);
        else Skipped(action, "NodePool", name, $"node pool \"{name}\" not found");
    }

    private void Skipped(TimelineAction action, string kind, string name, string why) =>
        store.RecordEvent(EventType.Warning, "TimelineActionSkipped", kind, name,
            $"{action.GetType().Name} at {action.At} skipped: {why}", FaultInjector.ComponentName);
}
