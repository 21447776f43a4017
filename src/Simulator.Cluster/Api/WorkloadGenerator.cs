using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>
/// A ksim.dev WorkloadGenerator: single-pod training Jobs arriving as a Poisson process, each with
/// a GPU count, model and length drawn from mixes (by default Gavel's, Narayanan et al. OSDI '20:
/// GPUs 1/2/4/8 with 0.70/0.10/0.15/0.05, a uniform model, 80 % of jobs 10^U(1.5,3) and 20 %
/// 10^U(3,4) minutes of V100 time).
/// </summary>
public sealed record WorkloadGenerator
{
    public required string Name { get; init; }
    public string Namespace { get; init; } = "default";

    /// <summary>
    /// Arrival rate in jobs per hour from each step's time on (piecewise constant, 0 before the
    /// first step). A constant rate is one step at <see cref="Start"/>.
    /// </summary>
    public required IReadOnlyList<ArrivalRateStep> RateSteps { get; init; }

    /// <summary>No arrival before this.</summary>
    public SimTime Start { get; init; }

    /// <summary>The most jobs to create; null: no limit (then <see cref="Until"/> is set).</summary>
    public long? Jobs { get; init; }

    /// <summary>No arrival at or after this; null: no limit (then <see cref="Jobs"/> is set).</summary>
    public SimTime? Until { get; init; }

    /// <summary>Model weights, as written in the manifest; empty: uniform over the table's models with a reference row for the drawn count.</summary>
    public IReadOnlyList<Weighted<string>> Models { get; init; } = [];

    /// <summary>GPU-count weights.</summary>
    public IReadOnlyList<Weighted<int>> GpuCounts { get; init; } = DefaultGpuCounts;

    /// <summary>Length on the reference accelerator, by weighted log-uniform band.</summary>
    public IReadOnlyList<Weighted<DurationBand>> Durations { get; init; } = DefaultDurations;

    public GeneratedPodTemplate Template { get; init; } = new();

    /// <summary>The jobs whose mean completion time the summary reports; null: none.</summary>
    public MeasureWindow? Measure { get; init; }

    /// <summary>Gavel's multi-GPU mix: 1, 2, 4 and 8 GPUs with probabilities 0.70, 0.10, 0.15, 0.05.</summary>
    public static readonly IReadOnlyList<Weighted<int>> DefaultGpuCounts =
        [new(1, 0.70), new(2, 0.10), new(4, 0.15), new(8, 0.05)];

    /// <summary>Gavel's Philly-derived lengths: 80 % 10^U(1.5,3) minutes, 20 % 10^U(3,4) minutes.</summary>
    public static readonly IReadOnlyList<Weighted<DurationBand>> DefaultDurations =
    [
        new(DurationBand.FromLog10Minutes(1.5, 3), 0.8),
        new(DurationBand.FromLog10Minutes(3, 4), 0.2),
    ];
}

/// <summary>A choice and its relative weight (weights need not sum to 1).</summary>
public readonly record struct Weighted<T>(T Value, double Weight);

/// <summary>From <see cref="At"/> on, jobs arrive at <see cref="JobsPerHour"/>.</summary>
public readonly record struct ArrivalRateStep(SimTime At, double JobsPerHour);

/// <summary>
/// A job's length on the reference accelerator, drawn log-uniformly between the bounds (Gavel's
/// 10^U(a,b) minutes): every order of magnitude in the band is equally likely.
/// </summary>
public readonly record struct DurationBand(double MinSeconds, double MaxSeconds)
{
    public static DurationBand FromLog10Minutes(double low, double high) => new(60 * Math.Pow(10, low), 60 * Math.Pow(10, high));
}

/// <summary>Gavel's steady-state window: the jobs with index in [<see cref="FromJob"/>, <see cref="ToJob"/>).</summary>
public readonly record struct MeasureWindow(long FromJob, long ToJob);

/// <summary>
/// What every generated pod shares. CPU and memory scale with the drawn GPU count, as a training
/// job's data loaders and host memory do.
/// </summary>
public sealed record GeneratedPodTemplate
{
    public const string DefaultImage = "ksim.dev/trainer:latest";

    public string Image { get; init; } = DefaultImage;

    /// <summary>Milli-CPU per GPU.</summary>
    public long CpuPerGpu { get; init; }

    /// <summary>Bytes of memory per GPU.</summary>
    public long MemoryPerGpu { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];
    public string PriorityClassName { get; init; } = "";

    /// <summary>Resolved from the class at load time, as the Priority admission plugin does.</summary>
    public int Priority { get; init; }
    public PreemptionPolicy PreemptionPolicy { get; init; } = PreemptionPolicy.PreemptLowerPriority;
    public SimDuration? CheckpointEvery { get; init; }
    public SimDuration CheckpointRestore { get; init; } = SimDuration.Zero;
}
