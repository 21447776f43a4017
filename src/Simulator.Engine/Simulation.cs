namespace Simulator.Engine;

/// <summary>
/// The discrete-event kernel: a virtual clock and the queue of pending events. One run is
/// single-threaded; parallelism lives across runs, never inside one.
/// </summary>
public sealed class Simulation
{
    private readonly EventQueue _queue = new();
    private bool _stopRequested;

    public Simulation(ulong seed = 0)
    {
        Seed = seed;
        Random = new RandomStreams(seed);
    }

    public SimTime Now { get; private set; } = SimTime.Zero;

    /// <summary>The scenario seed every random stream is derived from.</summary>
    public ulong Seed { get; }

    public RandomStreams Random { get; }

    /// <summary>Events run so far.</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Events scheduled and neither run nor cancelled.</summary>
    public int PendingEvents => _queue.Count;

    /// <summary>Schedules <paramref name="handler"/> at an absolute time, which must not be in the past.</summary>
    public EventHandle Schedule(SimTime at, IEventHandler handler, object? state = null, long arg = 0)
    {
        if (at.Microseconds < Now.Microseconds)
            throw new ArgumentOutOfRangeException(nameof(at), $"cannot schedule at {at} before now ({Now})");
        return _queue.Push(at.Microseconds, handler, state, arg);
    }

    public EventHandle ScheduleAfter(SimDuration delay, IEventHandler handler, object? state = null, long arg = 0)
    {
        if (delay.Microseconds < 0)
            throw new ArgumentOutOfRangeException(nameof(delay), $"negative delay {delay.Microseconds}us");
        long at = Now.Microseconds + delay.Microseconds;
        if (at < 0) // wrapped past SimTime.MaxValue: the event would otherwise run first, in the past
            throw new ArgumentOutOfRangeException(nameof(delay), $"delay {delay} from {Now} overflows the clock");
        return _queue.Push(at, handler, state, arg);
    }

    /// <summary>Convenience for code off the hot path (scripted timeline actions, tests): allocates a delegate wrapper.</summary>
    public EventHandle Schedule(SimTime at, Action action) => Schedule(at, ActionHandler.Instance, action);

    /// <summary>Cancels a pending event. Returns false if it already ran or was cancelled.</summary>
    public bool Cancel(EventHandle handle) => _queue.Cancel(handle);

    public bool IsPending(EventHandle handle) => _queue.IsPending(handle);

    /// <summary>Asks the running loop to return after the current event.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>
    /// Runs events with time &lt;= <paramref name="until"/>, then sets the clock to
    /// <paramref name="until"/>. Returns false if stopped early by <see cref="Stop"/>.
    /// </summary>
    public bool RunUntil(SimTime until)
    {
        _stopRequested = false;
        long limit = until.Microseconds;
        while (_queue.TryPeekTime(out var time) && time <= limit)
        {
            _queue.TryPop(out time, out var handler, out var state, out var arg);
            Now = new SimTime(time);
            EventsProcessed++;
            handler.OnEvent(state, arg);
            if (_stopRequested) return false;
        }
        if (until.Microseconds > Now.Microseconds && until != SimTime.MaxValue) Now = until;
        return true;
    }

    /// <summary>Runs until no event is pending (or <see cref="Stop"/> is called).</summary>
    public bool RunUntilEmpty() => RunUntil(SimTime.MaxValue);

    private sealed class ActionHandler : IEventHandler
    {
        public static readonly ActionHandler Instance = new();
        public void OnEvent(object? state, long arg) => ((Action)state!)();
    }
}
