namespace Simulator.Benchmarks.Engine;

/// <summary>
/// The same hold model as <see cref="EngineHoldModel"/> on a bare
/// System.Collections.Generic.PriorityQueue of structs ordered by (time, sequence): the floor an
/// engine with handlers, cancellation and a clock is compared against.
/// </summary>
internal sealed class PriorityQueueHoldModel
{
    private readonly struct EntityEvent(int entity)
    {
        public readonly int Entity = entity;
    }

    private readonly PriorityQueue<EntityEvent, (long Time, long Sequence)> _queue;
    private readonly long[] _delays;
    private readonly long[] _eventsPerEntity;
    private int _cursor;
    private long _now;
    private long _nextSequence;

    public PriorityQueueHoldModel(int pending, long[] delays)
    {
        _delays = delays;
        _eventsPerEntity = new long[pending];
        _queue = new PriorityQueue<EntityEvent, (long, long)>(pending);
        for (int entity = 0; entity < pending; entity++)
            _queue.Enqueue(new EntityEvent(entity), (NextDelay(), _nextSequence++));
    }

    public int Pending => _queue.Count;

    /// <summary>Runs exactly <paramref name="events"/> events.</summary>
    public void Run(long events)
    {
        for (long i = 0; i < events; i++)
        {
            _queue.TryDequeue(out var ev, out var key);
            _now = key.Time;
            _eventsPerEntity[ev.Entity]++;
            _queue.Enqueue(ev, (_now + NextDelay(), _nextSequence++));
        }
    }

    private long NextDelay() => _delays[_cursor++ & ExponentialDelays.Mask];
}
