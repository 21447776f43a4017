using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// The <c>ksim.dev/</c> annotations of a pod: what a real manifest cannot say (when it is
/// submitted, how long it runs, how big its image is). Any other key under <c>ksim.dev/</c> is an
/// error, because a misspelled annotation would otherwise silently change nothing.
/// </summary>
internal static class WorkloadAnnotations
{
    public const string Prefix = "ksim.dev/";
    public const string SubmitAt = "ksim.dev/submit-at";
    public const string Duration = "ksim.dev/duration";
    public const string ImageSize = "ksim.dev/image-size";

    /// <summary>The one list to extend when a new annotation is simulated.</summary>
    private static readonly string[] Known = [Duration, ImageSize, SubmitAt];

    public static (SimTime SubmitAt, Workload Workload) Read(SourceField annotations, ScenarioErrors errors)
    {
        var submitAt = SimTime.Zero;
        SimDuration? duration = null;
        long imageSize = 0;
        foreach (var (key, field) in annotations.Entries())
        {
            switch (key)
            {
                case SubmitAt:
                    if (FieldValues.Duration(field, errors, positive: false) is { } at) submitAt = SimTime.Zero + at;
                    break;
                case Duration:
                    duration = FieldValues.Duration(field, errors, positive: false);
                    break;
                case ImageSize:
                    imageSize = FieldValues.Quantity(field, errors, ResourceNames.Memory) ?? 0;
                    break;
                default:
                    if (key.StartsWith(Prefix, StringComparison.Ordinal))
                        errors.AtKey(field, $"unknown ksim.dev annotation \"{key}\"{Suggestions.Hint(key, Known)} (known: {string.Join(", ", Known)})");
                    break;
            }
        }
        var workload = duration is null && imageSize == 0
            ? Workload.Default
            : new Workload { Duration = duration, ImageSizeBytes = imageSize };
        return (submitAt, workload);
    }
}
