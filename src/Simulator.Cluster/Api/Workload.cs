using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>
/// What a real manifest cannot say about a pod, read from its <c>ksim.dev/</c> annotations:
/// how long it runs once started, how large its image is, how it fails, serves requests or trains.
/// </summary>
public sealed record Workload
{
    public static readonly Workload Default = new();

    /// <summary><c>ksim.dev/duration</c>: a batch pod succeeds this long after it starts. Null: runs until deleted.</summary>
    public SimDuration? Duration { get; init; }

    /// <summary><c>ksim.dev/image-size</c> in bytes: pulled on a node that does not have the image yet.</summary>
    public long ImageSizeBytes { get; init; }

    /// <summary><c>ksim.dev/failure-rate</c>: failures per hour of running (exponential time to failure).</summary>
    public double? FailureRatePerHour { get; init; }

    /// <summary><c>ksim.dev/failure-probability</c>: chance that a run fails before it completes, at a uniformly random point.</summary>
    public double? FailureProbability { get; init; }

    /// <summary><c>ksim.dev/request-cost</c>: service time of one request on this pod; null: the pod does not serve requests.</summary>
    public RequestCost? RequestCost { get; init; }

    /// <summary><c>ksim.dev/concurrency</c>: requests served at once; null: the CPU request in whole cores, at least 1.</summary>
    public int? Concurrency { get; init; }

    /// <summary><c>ksim.dev/queue-limit</c>: requests that may wait; null: unbounded.</summary>
    public int? QueueLimit { get; init; }

    /// <summary><c>ksim.dev/model</c> + <c>ksim.dev/steps</c>: the pod is a worker of a training job; null: it is not.</summary>
    public TrainingSpec? Training { get; init; }
}
