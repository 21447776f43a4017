using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>Where a training job stands.</summary>
internal enum TrainingPhase
{
    /// <summary>Not all workers are up: no progress.</summary>
    Waiting,

    /// <summary>All workers are up and reload the last checkpoint (<c>ksim.dev/checkpoint-restore</c>).</summary>
    Restoring,

    /// <summary>All workers are up and training at <see cref="TrainingJob.Rate"/>.</summary>
    Training,

    /// <summary>All steps are done.</summary>
    Done,
}

/// <summary>
/// One training job's progress. Progress is kept as the steps saved by the last checkpoint plus a
/// training segment (a start time and a constant rate: the workers, and so the rate, cannot change
/// without a worker stopping, which ends the segment). Checkpoints are taken every
/// <see cref="TrainingSpec.CheckpointEvery"/> of training time since the segment began, so they
/// need no events of their own: when a worker stops, the whole checkpoint intervals of the
/// segment are kept and the part after the last one is lost.
/// </summary>
internal sealed class TrainingJob(TrainingSpec spec, TrainingRecord record, string eventKind, string eventKey)
{
    /// <summary>About 3,000 years: beyond any run, and far from overflowing the clock when added to it.</summary>
    private const long LongestSegment = 100_000_000_000_000_000;

    public TrainingSpec Spec { get; } = spec;
    public TrainingRecord Record { get; } = record;

    /// <summary>The object events about the job are recorded on: the Job, PyTorchJob or bare pod.</summary>
    public string EventKind { get; } = eventKind;
    public string EventKey { get; } = eventKey;

    /// <summary>The workers that are up now, in the order they came up.</summary>
    public List<Pod> Up { get; } = [];

    public TrainingPhase Phase { get; set; }

    /// <summary>Steps saved by the last checkpoint: where the next segment starts from.</summary>
    public double Checkpointed { get; private set; }

    /// <summary>Steps per second in the current segment.</summary>
    public double Rate { get; private set; }

    /// <summary>GPU-equivalents training in the current segment, for lost GPU-hours.</summary>
    public double GpuEquivalents { get; private set; }

    /// <summary>When the current segment's training began (after any restore).</summary>
    public SimTime SegmentStart { get; private set; }

    /// <summary>The pending restore-done or finish event.</summary>
    public EventHandle Timer { get; set; }

    /// <summary>A "no rate" warning was recorded for the current set of workers.</summary>
    public bool Stalled { get; set; }

    /// <summary>What the current segment trains on, for events: "4 x k80+v100".</summary>
    public string Hardware { get; private set; } = "";

    public void SetRate(double stepsPerSecond, double gpuEquivalents, string hardware)
    {
        Rate = stepsPerSecond;
        GpuEquivalents = gpuEquivalents;
        Hardware = hardware;
    }

    /// <summary>Training begins now; returns the time until the last step, rounded up to a microsecond.</summary>
    public SimDuration BeginSegment(SimTime now)
    {
        Phase = TrainingPhase.Training;
        SegmentStart = now;
        double remaining = Math.Max(0, Spec.Steps - Checkpointed);
        double micros = Math.Ceiling(remaining / Rate * 1e6);
        return SimDuration.FromMicroseconds(micros < LongestSegment ? (long)micros : LongestSegment);
    }

    /// <summary>Steps done at <paramref name="now"/>, checkpointed or not.</summary>
    public double StepsAt(SimTime now) => Phase == TrainingPhase.Training
        ? Math.Min(Spec.Steps, Checkpointed + Rate * (now - SegmentStart).TotalSeconds)
        : Checkpointed;

    /// <summary>
    /// A worker stopped at <paramref name="now"/> while training: the segment's whole checkpoint
    /// intervals are saved, the rest is lost. Returns the lost training time and steps.
    /// </summary>
    public (SimDuration LostTime, double LostSteps) Interrupt(SimTime now)
    {
        long elapsed = (now - SegmentStart).Microseconds;
        long every = Spec.CheckpointEvery?.Microseconds ?? 0;
        long kept = every > 0 ? elapsed / every * every : 0;
        long lost = elapsed - kept;
        Checkpointed = Math.Min(Spec.Steps, Checkpointed + Rate * kept / 1e6);
        Phase = TrainingPhase.Waiting;
        return (SimDuration.FromMicroseconds(lost), Rate * lost / 1e6);
    }

    public void Finish()
    {
        Phase = TrainingPhase.Done;
        Checkpointed = Spec.Steps;
    }
}
