using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Workloads.Generation;

/// <summary>
/// Draws a generated job's GPU count, then its model among those the table can time on that many
/// reference accelerators (V100s), then its length: a duration band by weight and a log-uniform
/// point in it. Steps = length x the table's reference rate for (model, GPUs), as Gavel converts
/// its durations. Every job takes exactly four uniforms, in that order, so a run's jobs depend
/// only on the generator's stream and index.
/// </summary>
public sealed class JobMix
{
    private readonly WeightedChoice<int> _gpus;
    private readonly Dictionary<int, WeightedChoice<(string Model, double Rate)>> _models = [];
    private readonly WeightedChoice<DurationBand> _durations;

    /// <exception cref="ArgumentException">A GPU count with positive weight has no model the table can time (the loader reports this first).</exception>
    public JobMix(WorkloadGenerator generator, ThroughputTable table)
    {
        _gpus = new WeightedChoice<int>(generator.GpuCounts.Select(c => (c.Value, c.Weight)));
        foreach (var gpus in _gpus.Values)
        {
            var candidates = CandidateModels(gpus, generator.Models, table);
            if (candidates.Count == 0)
                throw new ArgumentException($"workload generator {generator.Name}: no model has a {ThroughputTable.ReferenceAccelerator} row for {gpus} GPU(s)", nameof(generator));
            _models[gpus] = new WeightedChoice<(string, double)>(candidates.Select(c => ((c.Model, c.Rate), c.Weight)));
        }
        _durations = new WeightedChoice<DurationBand>(generator.Durations.Select(d => (d.Value, d.Weight)));
    }

    /// <summary>
    /// The models a job with <paramref name="gpus"/> GPUs may get, by the table's name, with their
    /// reference rate and weight: those of <paramref name="mix"/> (every model of the table, equally
    /// weighted, if it is empty) that have a positive reference row for that count.
    /// </summary>
    public static IReadOnlyList<(string Model, double Rate, double Weight)> CandidateModels(
        int gpus, IReadOnlyList<Weighted<string>> mix, ThroughputTable table)
    {
        var weighted = mix.Count > 0
            ? mix.Where(m => m.Weight > 0).Select(m => (Model: table.ResolveModel(m.Value), m.Weight))
            : table.Models.Select(m => (Model: (string?)m, Weight: 1.0));
        var candidates = new List<(string, double, double)>();
        foreach (var (model, weight) in weighted)
        {
            if (model is null) continue;
            if (table.StepsPerSecond(model, gpus, ThroughputTable.ReferenceAccelerator) is { } rate) candidates.Add((model, rate, weight));
        }
        return candidates;
    }

    /// <summary>The next job from <paramref name="random"/>: four uniforms, always in the same order.</summary>
    public JobDraw Draw(Random random)
    {
        int gpus = _gpus.Pick(random.NextDouble());
        var (model, rate) = _models[gpus].Pick(random.NextDouble());
        var band = _durations.Pick(random.NextDouble());
        double u = random.NextDouble();
        // Log-uniform: Gavel's 10^U(a, b) minutes, written with natural logs.
        double seconds = band.MinSeconds * Math.Exp(u * Math.Log(band.MaxSeconds / band.MinSeconds));
        long steps = Math.Max(1, (long)Math.Round(seconds * rate));
        return new JobDraw(gpus, model, seconds, steps);
    }
}
