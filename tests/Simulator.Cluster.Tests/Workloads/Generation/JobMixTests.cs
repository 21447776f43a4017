using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Generation;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Tests.Workloads.Generation;

/// <summary>
/// The mixes, over many draws, match their configuration: chi-square tests at the 99.9 % level for
/// the GPU-count and model mixes, binomial intervals for single fractions, and the bounds and
/// log-uniform shape of Gavel's durations.
/// </summary>
public class JobMixTests
{
    private const int Draws = 40_000;
    private static readonly double Z = Normal.InvCDF(0, 1, 0.9995);

    private static WorkloadGenerator Generator(
        IReadOnlyList<Weighted<string>>? models = null,
        IReadOnlyList<Weighted<int>>? gpus = null,
        IReadOnlyList<Weighted<DurationBand>>? durations = null) => new()
        {
            Name = "g",
            RateSteps = [new ArrivalRateStep(Engine.SimTime.Zero, 1)],
            Jobs = 1,
            Models = models ?? [],
            GpuCounts = gpus ?? WorkloadGenerator.DefaultGpuCounts,
            Durations = durations ?? WorkloadGenerator.DefaultDurations,
        };

    private static List<JobDraw> Draw(WorkloadGenerator generator, int seed, int count = Draws)
    {
        var mix = new JobMix(generator, ThroughputTable.Default);
        var random = new MersenneTwister(seed, threadSafe: false);
        return [.. Enumerable.Range(0, count).Select(_ => mix.Draw(random))];
    }

    private static void AssertChiSquare(IReadOnlyList<double> probabilities, IReadOnlyList<int> observed)
    {
        int n = observed.Sum();
        double statistic = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            double expected = n * probabilities[i];
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        Assert.InRange(statistic, 0, ChiSquared.InvCDF(observed.Count - 1, 0.999));
    }

    private static void AssertFraction(double p, int hits, int n)
    {
        double halfWidth = Z * Math.Sqrt(p * (1 - p) / n);
        Assert.InRange((double)hits / n, p - halfWidth, p + halfWidth);
    }

    [Fact]
    public void Gpu_counts_follow_gavels_mix()
    {
        var draws = Draw(Generator(), seed: 1);
        int[] counts = [1, 2, 4, 8];
        AssertChiSquare([0.70, 0.10, 0.15, 0.05], [.. counts.Select(c => draws.Count(d => d.Gpus == c))]);
    }

    [Fact]
    public void The_default_model_mix_is_uniform_over_the_models_the_table_times_at_that_count()
    {
        var draws = Draw(Generator(gpus: [new(1, 1)]), seed: 2);
        var models = ThroughputTable.Default.Models.ToList();
        Assert.Equal(26, models.Count);
        AssertChiSquare([.. models.Select(_ => 1.0 / models.Count)], [.. models.Select(m => draws.Count(d => d.Model == m))]);

        // On 8 GPUs only the 19 models with multi-GPU rows are drawn.
        var eight = Draw(Generator(gpus: [new(8, 1)]), seed: 3, count: 2_000);
        Assert.Equal(19, eight.Select(d => d.Model).Distinct().Count());
    }

    [Fact]
    public void An_explicit_model_mix_follows_its_weights()
    {
        var draws = Draw(Generator(models: [new("resnet50", 3), new("transformer", 1)], gpus: [new(1, 1)]), seed: 4);
        Assert.Equal(["ResNet-50 (batch size 16)", "Transformer (batch size 16)"], draws.Select(d => d.Model).Distinct().Order(StringComparer.Ordinal));
        AssertFraction(0.75, draws.Count(d => d.Model.StartsWith("ResNet", StringComparison.Ordinal)), Draws);
    }

    [Fact]
    public void Durations_follow_gavels_mix_of_short_and_long_jobs()
    {
        var draws = Draw(Generator(), seed: 5);
        var minutes = draws.Select(d => d.ReferenceSeconds / 60).ToList();
        Assert.All(minutes, m => Assert.InRange(m, Math.Pow(10, 1.5), 1e4));
        AssertFraction(0.2, minutes.Count(m => m > 1000), Draws);

        // Within a band the exponent is uniform: log10(minutes) of the short jobs has mean 2.25 and
        // standard deviation 1.5 / sqrt(12).
        var shortExponents = minutes.Where(m => m <= 1000).Select(Math.Log10).ToList();
        double halfWidth = Z * (1.5 / Math.Sqrt(12)) / Math.Sqrt(shortExponents.Count);
        Assert.InRange(shortExponents.Average(), 2.25 - halfWidth, 2.25 + halfWidth);
    }

    [Fact]
    public void Steps_are_the_length_times_the_V100_rate()
    {
        // One hour of ResNet-50 (batch size 16) on one V100 at 11.396129065315943 steps/s: 41,026.06.
        var draw = Assert.Single(Draw(Generator(models: [new("resnet50", 1)], gpus: [new(1, 1)],
            durations: [new(new DurationBand(3600, 3600), 1)]), seed: 6, count: 1));
        Assert.Equal(new JobDraw(1, "ResNet-50 (batch size 16)", 3600, 41_026), draw);
    }

    [Fact]
    public void A_gpu_count_no_model_can_be_timed_at_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new JobMix(Generator(gpus: [new(16, 1)]), ThroughputTable.Default));
        Assert.Contains("no model has a v100 row for 16 GPU(s)", e.Message, StringComparison.Ordinal);
    }
}
