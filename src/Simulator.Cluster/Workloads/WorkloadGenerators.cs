using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Workloads.Generation;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// Plays the WorkloadGenerators: one engine event per arrival, the next one armed when it fires,
/// each creating a training Job in the store (the Job controller and the training model take it
/// from there). Each generator draws from its own stream <c>workload-generator/&lt;name&gt;</c>
/// (namespaced outside "default"), an inter-arrival draw then four job draws per arrival, so
/// adding a generator never changes another's jobs. The pending arrival keeps a run without a
/// duration going, which is why a generator must stop (after <c>jobs</c> or at <c>until</c>).
/// </summary>
public sealed class WorkloadGenerators(ClusterStore store, ThroughputTable throughput) : IEventHandler
{
    public const string ComponentName = "workload-generator";

    private readonly List<GeneratorRun> _runs = [];

    public void Add(WorkloadGenerator generator)
    {
        var sim = store.Simulation;
        string stream = ComponentName + "/" + (generator.Namespace == "default" ? generator.Name : generator.Namespace + "/" + generator.Name);
        var run = new GeneratorRun(generator, sim.Random.Get(stream), new JobMix(generator, throughput));
        _runs.Add(run);
        Arm(run, SimTime.Max(generator.Start, sim.Now));
    }

    /// <summary>Per generator, in the order they were added.</summary>
    public IReadOnlyList<GeneratorSummary> Summarize() => [.. _runs.Select(r => r.Summarize())];

    public void OnEvent(object? state, long arg)
    {
        var run = (GeneratorRun)state!;
        var generator = run.Generator;
        long index = run.Arrived++;
        var draw = run.Mix.Draw(run.Random);
        var job = GeneratedJob.Create(generator, index, draw);
        if (store.Jobs.Get(job.Metadata.Key) is null)
        {
            store.Jobs.Create(job);
            run.Created++;
            if (run.InWindow(index)) run.Measured.Add(job);
        }
        else
        {
            store.RecordEvent(EventType.Warning, "FailedCreate", "WorkloadGenerator", generator.Name,
                $"Error creating: jobs.batch \"{job.Metadata.Name}\" already exists", ComponentName);
        }
        Arm(run, store.Now);
    }

    private void Arm(GeneratorRun run, SimTime after)
    {
        var generator = run.Generator;
        if (generator.Jobs is { } limit && run.Arrived >= limit) return;
        // -ln(1 - U) is a unit exponential; 1 - U is never 0 as U < 1.
        var next = run.Arrivals.Next(after, -Math.Log(1.0 - run.Random.NextDouble()));
        if (next is not { } at || (generator.Until is { } until && at >= until)) return;
        store.Simulation.Schedule(at, this, run);
    }
}
