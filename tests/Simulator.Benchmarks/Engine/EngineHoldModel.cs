using Simulator.Engine;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// The classic "hold" model on ksim's engine: P entities, each with exactly one pending event.
/// Handling an event touches the entity's state and schedules that entity's next event, so the
/// queue stays at P events and every run measures the steady state.
/// </summary>
internal sealed class EngineHoldModel : IEventHandler
{
    private readonly Simulation _sim = new(seed: 1);
    private readonly long[] _delays;
    private readonly long[] _eventsPerEntity;
    private int _cursor;
    private long _budget;

    public EngineHoldModel(int pending, long[] delays)
    {
        _delays = delays;
        _eventsPerEntity = new long[pending];
        for (int entity = 0; entity < pending; entity++)
            _sim.ScheduleAfter(new SimDuration(NextDelay()), this, null, entity);
    }

    public int Pending => _sim.PendingEvents;

    public long TotalEvents => _sim.EventsProcessed;

    /// <summary>Runs exactly <paramref name="events"/> events.</summary>
    public void Run(long events)
    {
        _budget = events;
        _sim.RunUntilEmpty();
    }

    public void OnEvent(object? state, long arg)
    {
        _eventsPerEntity[arg]++;
        _sim.ScheduleAfter(new SimDuration(NextDelay()), this, null, arg);
        if (--_budget == 0) _sim.Stop();
    }

    private long NextDelay() => _delays[_cursor++ & ExponentialDelays.Mask];
}
