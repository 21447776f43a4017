namespace Simulator.Engine;

/// <summary>
/// Identifies one scheduled event so that it can be cancelled. A default handle refers to no
/// event; cancelling it, or an event that already ran, does nothing.
/// </summary>
public readonly record struct EventHandle(int Slot, long Sequence)
{
    public static readonly EventHandle None = default;

    /// <summary>True for a handle returned by Schedule (whether or not the event is still pending).</summary>
    public bool IsSet => Sequence != 0;
}
