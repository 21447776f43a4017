namespace Simulator.Cluster;

/// <summary>
/// A component with periodic timers that keep firing but change nothing by themselves (queue
/// flushes, node health checks, metrics sampling). A run without a duration ends when only such
/// timers are pending.
/// </summary>
public interface IHousekeeping
{
    /// <summary>How many of this component's pending events are housekeeping timers.</summary>
    int ArmedHousekeepingTimers { get; }
}
