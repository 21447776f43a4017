using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>
/// What makes a pod a worker of an ML training job (<c>ksim.dev/model</c> + <c>ksim.dev/steps</c>
/// on the pod or its template): the job makes progress in steps, at the throughput table's rate
/// for the accelerators its workers landed on, only while all <see cref="Workers"/> run.
/// </summary>
public sealed record TrainingSpec
{
    /// <summary>The throughput table's model (job type), as written in the manifest.</summary>
    public required string Model { get; init; }

    /// <summary>Steps to train; always positive.</summary>
    public required long Steps { get; init; }

    /// <summary>
    /// Data-parallel workers that must all run for the job to advance: the Job's parallelism, the
    /// PyTorchJob's Master + Worker replicas, or 1 for a bare pod.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary><c>ksim.dev/checkpoint-every</c>: training time between checkpoints; null: never (a failure loses everything).</summary>
    public SimDuration? CheckpointEvery { get; init; }

    /// <summary><c>ksim.dev/checkpoint-restore</c>: time to reload the last checkpoint before training resumes after a failure.</summary>
    public SimDuration CheckpointRestore { get; init; } = SimDuration.Zero;

    /// <summary><c>ksim.dev/scatter-penalty</c>: speed factor when the workers are spread over several nodes; null: the default.</summary>
    public double? ScatterPenalty { get; init; }
}
