using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>Which object's annotations are read: the submission time and the pod behaviour belong to different ones.</summary>
internal enum AnnotationTarget
{
    /// <summary>A bare Pod: it is both the submitted object and the thing that runs.</summary>
    Pod,

    /// <summary>A Deployment, ReplicaSet or Job: only when it is submitted.</summary>
    WorkloadObject,

    /// <summary>A pod template: how its pods behave, not when the owner is submitted.</summary>
    PodTemplate,

    /// <summary>A Service: when it is submitted and how it balances (read by ServiceReader).</summary>
    Service,
}

/// <summary>
/// The <c>ksim.dev/</c> annotations: what a real manifest cannot say (when it is submitted, how
/// long it runs, how big its image is, how often it fails, how it serves requests, how a Service
/// balances them). Any other key under <c>ksim.dev/</c> is an error, because a misspelled
/// annotation would otherwise silently change nothing.
/// </summary>
internal static class WorkloadAnnotations
{
    public const string Prefix = "ksim.dev/";
    public const string SubmitAt = "ksim.dev/submit-at";
    public const string Duration = "ksim.dev/duration";
    public const string ImageSize = "ksim.dev/image-size";
    public const string FailureRate = "ksim.dev/failure-rate";
    public const string FailureProbability = "ksim.dev/failure-probability";
    public const string RequestCost = "ksim.dev/request-cost";
    public const string Concurrency = "ksim.dev/concurrency";
    public const string QueueLimit = "ksim.dev/queue-limit";
    public const string LbMode = "ksim.dev/lb-mode";
    public const string SloLatency = "ksim.dev/slo-latency";
    public const string Model = "ksim.dev/model";
    public const string Steps = "ksim.dev/steps";
    public const string CheckpointEvery = "ksim.dev/checkpoint-every";
    public const string CheckpointRestore = "ksim.dev/checkpoint-restore";
    public const string ScatterPenalty = "ksim.dev/scatter-penalty";

    /// <summary>Bound for concurrency and queue limit: far above a real server, and an int.</summary>
    public const int MaxServingSlots = 1_000_000;

    /// <summary>The one list to extend when a new annotation is simulated.</summary>
    private static readonly string[] Known =
        [CheckpointEvery, CheckpointRestore, Concurrency, Duration, FailureProbability, FailureRate, ImageSize, LbMode, Model,
            QueueLimit, RequestCost, ScatterPenalty, SloLatency, Steps, SubmitAt];

    private static readonly string[] PodBehaviour =
        [CheckpointEvery, CheckpointRestore, Concurrency, Duration, FailureProbability, FailureRate, ImageSize, Model, QueueLimit,
            RequestCost, ScatterPenalty, Steps];

    /// <summary>Read by the Service reader: they describe how requests reach the pods, not the pods.</summary>
    private static readonly string[] ServiceBehaviour = [LbMode, SloLatency];

    public static (SimTime SubmitAt, Workload Workload) Read(SourceField annotations, ScenarioErrors errors, AnnotationTarget target)
    {
        var submitAt = SimTime.Zero;
        var workload = new Workload();
        var training = new TrainingAnnotations();
        foreach (var (key, field) in annotations.Entries())
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            if (Array.IndexOf(Known, key) < 0)
            {
                errors.AtKey(field, $"unknown ksim.dev annotation \"{key}\"{Suggestions.Hint(key, Known)} (known: {string.Join(", ", Known)})");
                continue;
            }
            if (Misplaced(key, target) is { } where)
            {
                errors.AtKey(field, where);
                continue;
            }
            switch (key)
            {
                case SubmitAt:
                    if (FieldValues.Duration(field, errors, positive: false) is { } at) submitAt = SimTime.Zero + at;
                    break;
                case Duration:
                    workload = workload with { Duration = FieldValues.Duration(field, errors, positive: false) };
                    break;
                case ImageSize:
                    workload = workload with { ImageSizeBytes = FieldValues.Quantity(field, errors, ResourceNames.Memory) ?? 0 };
                    break;
                case FailureRate:
                    workload = workload with { FailureRatePerHour = (double?)FieldValues.NonNegativeNumber(field, errors) };
                    break;
                case FailureProbability:
                    workload = workload with { FailureProbability = Probability(field, errors) };
                    break;
                case RequestCost:
                    workload = workload with { RequestCost = RequestCostReader.Read(field, errors) };
                    break;
                case Concurrency:
                    workload = workload with { Concurrency = (int?)FieldValues.Integer(field, errors, 1, MaxServingSlots) };
                    break;
                case QueueLimit:
                    workload = workload with { QueueLimit = (int?)FieldValues.Integer(field, errors, 0, MaxServingSlots) };
                    break;
                default:
                    training.Read(key, field, errors);
                    break;
            }
        }
        workload = workload with { Training = training.Build(annotations, workload, errors) };
        // The kubelet fails a run at a random point of its duration; without one the annotation would silently do nothing.
        if (workload is { FailureProbability: > 0, Duration: null })
            errors.At(annotations.Child(FailureProbability),
                $"needs {Duration}: a pod that runs until deleted has no run to fail part-way through (use {FailureRate} for a rate per hour)");
        // One shared default object keeps pods without annotations cheap and comparable by reference.
        return (submitAt, workload == Workload.Default ? Workload.Default : workload);
    }

    /// <summary>Why <paramref name="key"/> has no effect on <paramref name="target"/>, or null if it belongs there.</summary>
    private static string? Misplaced(string key, AnnotationTarget target) => target switch
    {
        AnnotationTarget.WorkloadObject when Array.IndexOf(PodBehaviour, key) >= 0 =>
            $"{key} describes the pods: put it in spec.template.metadata.annotations",
        AnnotationTarget.Service when Array.IndexOf(PodBehaviour, key) >= 0 =>
            $"{key} describes the pods: put it in the pod template of the Deployment the Service selects",
        not AnnotationTarget.Service when Array.IndexOf(ServiceBehaviour, key) >= 0 =>
            $"{key} describes how a Service balances requests: put it in the Service's metadata.annotations",
        AnnotationTarget.PodTemplate when key == SubmitAt =>
            $"{key} says when the object itself is created: put it in the top-level metadata.annotations",
        _ => null,
    };

    private static double? Probability(SourceField field, ScenarioErrors errors)
    {
        var value = FieldValues.NonNegativeNumber(field, errors);
        if (value is not { } p) return null;
        if (p <= 1) return (double)p;
        errors.At(field, $"must be between 0 and 1, got \"{field.Scalar!.Value}\"");
        return null;
    }
}
