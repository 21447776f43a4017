using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One training job's life (a Job's or PyTorchJob's workers, or one bare pod), kept by the
/// training model: when all its workers first ran, on what, what failures cost it, when its steps
/// were done.
/// </summary>
public sealed class TrainingRecord
{
    /// <summary>"Job", "PyTorchJob", or "Pod" for a bare training pod.</summary>
    public required string Kind { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    /// <summary>The owner's uid (the pod's for a bare pod): the key that joins jobs.csv.</summary>
    public required string Uid { get; init; }

    /// <summary>When the owner (or the bare pod) was created.</summary>
    public required SimTime Submitted { get; init; }
    public required string Model { get; init; }
    public required long Steps { get; init; }
    public required int Workers { get; init; }

    /// <summary>Accelerators of the workers at their last start (a fractional GPU counts as 1).</summary>
    public int Accelerators { get; set; }

    /// <summary>The throughput table's accelerator types the job trained on, over all its starts, sorted.</summary>
    public List<string> AcceleratorTypes { get; } = [];

    /// <summary>The first time all its workers were up.</summary>
    public SimTime? AllWorkersUp { get; set; }

    /// <summary>When its steps were done.</summary>
    public SimTime? Finished { get; set; }

    /// <summary>Times a worker stopped while the job was training or restoring its checkpoint.</summary>
    public int Interruptions { get; set; }

    /// <summary>Steps trained since the last checkpoint and lost to those interruptions.</summary>
    public double LostSteps { get; set; }

    /// <summary>Lost training time x the GPUs (or TPU chips) that were training: the work failures threw away.</summary>
    public double LostGpuHours { get; set; }

    /// <summary>Submission to the first time all workers were up.</summary>
    public SimDuration? QueueingDelay => AllWorkersUp is { } up ? up - Submitted : null;

    /// <summary>The first time all workers were up to the last step (interruptions and restores included).</summary>
    public SimDuration? RunTime => (AllWorkersUp, Finished) is ({ } up, { } done) ? done - up : null;

    /// <summary>Job completion time: submission to the last step.</summary>
    public SimDuration? CompletionTime => Finished is { } done ? done - Submitted : null;

    /// <summary>The accelerator types joined with "+" ("k80+v100"), as jobs.csv writes them.</summary>
    public string AcceleratorTypesText => string.Join('+', AcceleratorTypes);

    /// <summary>Adds <paramref name="type"/> to <see cref="AcceleratorTypes"/>, keeping it sorted and distinct.</summary>
    public void AddAcceleratorType(string type)
    {
        int at = AcceleratorTypes.BinarySearch(type, StringComparer.Ordinal);
        if (at < 0) AcceleratorTypes.Insert(~at, type);
    }
}
