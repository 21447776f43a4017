using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>Where a Job stands: finished by a condition, or still waiting for or running its pods.</summary>
public enum JobOutcome
{
    /// <summary>None of its pods has run yet.</summary>
    Pending,

    /// <summary>At least one of its pods has run and the Job has no Complete or Failed condition.</summary>
    Running,
    Complete,
    Failed,
}

/// <summary>One Job's (or PyTorchJob's) life, kept after it is gone: one row of jobs.csv.</summary>
public sealed class JobRecord
{
    /// <summary>"Job" or "PyTorchJob".</summary>
    public string Kind { get; init; } = "Job";
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required SimTime Submitted { get; init; }

    /// <summary>A Job's spec.completions (null: done when one pod succeeds) and spec.parallelism; null for a PyTorchJob.</summary>
    public int? Completions { get; set; }
    public int? Parallelism { get; set; }

    /// <summary>When the first of its pods was Running.</summary>
    public SimTime? FirstStart { get; set; }

    /// <summary>The transition time of its Complete or Failed condition.</summary>
    public SimTime? Completed { get; set; }
    public JobOutcome Outcome { get; set; } = JobOutcome.Pending;

    /// <summary>The finishing condition's reason: BackoffLimitExceeded, DeadlineExceeded...</summary>
    public string Reason { get; set; } = "";

    /// <summary>Pods created for it.</summary>
    public int Attempts { get; set; }

    /// <summary>status.failed: pods that failed.</summary>
    public int FailedPods { get; set; }

    /// <summary>Container restarts in its restartPolicy: OnFailure pods, which fail in place without failing the pod.</summary>
    public int Restarts { get; set; }

    public int Failures => FailedPods + Restarts;

    /// <summary>Its training progress, lost work and accelerators, for a training job (pods with ksim.dev/model); null otherwise.</summary>
    public TrainingRecord? Training { get; set; }

    /// <summary>Job completion time: submission to the finishing condition; null while unfinished.</summary>
    public SimDuration? CompletionTime => Completed is { } c ? c - Submitted : null;
}
