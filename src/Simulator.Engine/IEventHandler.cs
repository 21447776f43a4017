namespace Simulator.Engine;

/// <summary>
/// Receives events. A component implements this once and is passed by reference to
/// <see cref="Simulation.Schedule(SimTime, IEventHandler, object?, long)"/>, so scheduling an event
/// never allocates a delegate. <paramref name="state"/> and <paramref name="arg"/> say which of the
/// handler's entities (a pod, a node, a timer kind) the event is for.
/// </summary>
public interface IEventHandler
{
    void OnEvent(object? state, long arg);
}
