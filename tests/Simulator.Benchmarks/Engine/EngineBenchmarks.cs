using BenchmarkDotNet.Attributes;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// Events per second and bytes per event for the hold model on ksim's engine, against a bare
/// PriorityQueue doing the same work. Setup builds the queue and runs it into its steady state,
/// so neither array growth nor the initial, unrepresentative spread of event times is timed.
/// </summary>
[Config(typeof(EngineBenchmarkConfig))]
public class EngineBenchmarks
{
    private const int EventsPerInvoke = 1_000_000;

    private EngineHoldModel _engine = null!;
    private PriorityQueueHoldModel _priorityQueue = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Pending { get; set; }

    [GlobalSetup(Target = nameof(KsimEngine))]
    public void SetupEngine()
    {
        _engine = new EngineHoldModel(Pending, ExponentialDelays.Generate(seed: 42));
        _engine.Run(WarmupEvents);
    }

    [GlobalSetup(Target = nameof(BarePriorityQueue))]
    public void SetupPriorityQueue()
    {
        _priorityQueue = new PriorityQueueHoldModel(Pending, ExponentialDelays.Generate(seed: 42));
        _priorityQueue.Run(WarmupEvents);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void KsimEngine() => _engine.Run(EventsPerInvoke);

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public void BarePriorityQueue() => _priorityQueue.Run(EventsPerInvoke);

    // Every entity's first event is drawn from time zero; after a few events per entity the
    // pending times follow the stationary distribution the steady state is about.
    private long WarmupEvents => Math.Max(EventsPerInvoke, 3L * Pending);
}
