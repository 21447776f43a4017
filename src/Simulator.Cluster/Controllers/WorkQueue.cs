using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// client-go's workqueue for one controller, on the virtual clock. Watch handlers only mark a key
/// dirty; the keys are synced later in one engine event at the same instant, so a sync never runs
/// inside a store notification and always sees a settled state. A key is queued at most once
/// however often it changes before its sync (deduplication), keys are synced in the order they
/// were first marked, and <see cref="AddAt"/> is the workqueue's AddAfter.
/// </summary>
internal sealed class WorkQueue : IEventHandler
{
    private const long DrainTimer = 0;
    private const long DelayedTimer = 1;

    private readonly Simulation _sim;
    private readonly Action<string> _sync;
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SimTime At, EventHandle Handle)> _delayed = new(StringComparer.Ordinal);
    private EventHandle _drain;

    public WorkQueue(Simulation sim, Action<string> sync)
    {
        _sim = sim;
        _sync = sync;
    }

    /// <summary>Marks <paramref name="key"/> dirty; its sync runs at the current instant, after the current event.</summary>
    public void Add(string key)
    {
        if (_dirty.Add(key)) _order.Enqueue(key);
        if (!_sim.IsPending(_drain)) _drain = _sim.ScheduleAfter(SimDuration.Zero, this, null, DrainTimer);
    }

    /// <summary>Marks <paramref name="key"/> dirty at <paramref name="at"/>; only the earliest such wake-up per key is kept.</summary>
    public void AddAt(string key, SimTime at)
    {
        if (at <= _sim.Now)
        {
            Add(key);
            return;
        }
        if (_delayed.TryGetValue(key, out var existing) && _sim.IsPending(existing.Handle))
        {
            if (existing.At <= at) return;
            _sim.Cancel(existing.Handle);
        }
        _delayed[key] = (at, _sim.Schedule(at, this, key, DelayedTimer));
    }

    public void OnEvent(object? state, long arg)
    {
        if (arg == DelayedTimer)
        {
            var key = (string)state!;
            _delayed.Remove(key);
            Add(key);
            return;
        }
        // Only the keys dirty when the event began: a key marked again by its own sync (its
        // status write, say) goes to a fresh event, so other components get their turn first.
        for (int n = _order.Count; n > 0; n--)
        {
            var key = _order.Dequeue();
            _dirty.Remove(key);
            _sync(key);
        }
    }
}
