using Simulator.Cluster.Api;

namespace Simulator.Cluster.Workloads.Generation;

/// <summary>One generator at run time: its stream, mixes, arrival process, progress and the Jobs in its measure window.</summary>
internal sealed class GeneratorRun(WorkloadGenerator generator, Random random, JobMix mix)
{
    public WorkloadGenerator Generator { get; } = generator;
    public Random Random { get; } = random;
    public JobMix Mix { get; } = mix;
    public ArrivalProcess Arrivals { get; } = new(generator.RateSteps);

    /// <summary>Arrivals so far, and the index of the next one.</summary>
    public long Arrived { get; set; }

    /// <summary>Jobs created: the arrivals less any whose name a Job of the scenario already had.</summary>
    public long Created { get; set; }

    /// <summary>Jobs with an index in the measure window, in index order.</summary>
    public List<Job> Measured { get; } = [];

    public bool InWindow(long index) => Generator.Measure is { } m && index >= m.FromJob && index < m.ToJob;

    public GeneratorSummary Summarize()
    {
        MeasureSummary? measure = null;
        if (Generator.Measure is { } window)
        {
            int completed = 0;
            double total = 0;
            foreach (var job in Measured)
            {
                foreach (var condition in job.Status.Conditions)
                {
                    if (condition.Type != JobConditionType.Complete) continue;
                    completed++;
                    total += (condition.LastTransitionTime - job.Metadata.CreationTimestamp).TotalSeconds;
                }
            }
            measure = new MeasureSummary(window.FromJob, window.ToJob, completed, completed > 0 ? total / completed : null);
        }
        return new GeneratorSummary(Generator.Name, Generator.Namespace, Created, measure);
    }
}
