using Simulator.Engine;

namespace Simulator.Cluster.Store;

public enum EventType
{
    Normal,
    Warning,
}

/// <summary>
/// A Kubernetes Event (core/v1 Event): what <c>kubectl get events</c> shows, in virtual time.
/// </summary>
public sealed record ClusterEvent(
    SimTime Time,
    EventType Type,
    string Reason,
    string ObjectKind,
    string ObjectName,
    string Message,
    string Source);

/// <summary>Receives every event as it is recorded (the metrics recorder, the live log).</summary>
public interface IEventSink
{
    void OnEvent(ClusterEvent clusterEvent);
}
