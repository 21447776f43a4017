using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum CompletionMode
{
    NonIndexed,
    Indexed,
}

public sealed class JobSpec
{
    /// <summary>Default 1.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Default 1 (null would mean "until one succeeds", the work-queue pattern).</summary>
    public int? Completions { get; init; } = 1;

    /// <summary>Default 6.</summary>
    public int BackoffLimit { get; init; } = 6;
    public long? ActiveDeadlineSeconds { get; init; }
    public CompletionMode CompletionMode { get; init; } = CompletionMode.NonIndexed;
    public required LabelSelector Selector { get; init; }
    public required PodTemplate Template { get; init; }
}

public enum JobConditionType
{
    Complete,
    Failed,
}

public sealed record JobCondition(JobConditionType Type, SimTime LastTransitionTime, string Reason, string Message);

public sealed class JobStatus
{
    public int Active { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
    public SimTime? StartTime { get; set; }
    public SimTime? CompletionTime { get; set; }
    public List<JobCondition> Conditions { get; } = [];

    /// <summary>Indexed mode: the indexes that have succeeded.</summary>
    public SortedSet<int> CompletedIndexes { get; } = [];

    public bool IsFinished => Conditions.Count > 0;
}

/// <summary>batch/v1 Job: runs pods until enough succeed, retrying failures up to backoffLimit.</summary>
public sealed class Job : IApiObject
{
    public required ObjectMeta Metadata { get; init; }
    public required JobSpec Spec { get; init; }
    public JobStatus Status { get; init; } = new();
    public string Kind => "Job";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
