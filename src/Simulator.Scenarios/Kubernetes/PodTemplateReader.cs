using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// core/v1 PodTemplateSpec: the labels, annotations and spec a controller stamps its pods from.
/// The template's <c>ksim.dev/</c> annotations say how those pods behave.
/// </summary>
internal static class PodTemplateReader
{
    /// <summary>
    /// The template, or null after reporting errors. <paramref name="extraLabels"/> are labels the
    /// API server adds at creation (a Job's generated <c>job-name</c> labels).
    /// </summary>
    public static PodTemplate? Read(V1PodTemplateSpec? v1, SourceField template, LoadContext context,
        IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var errors = context.Errors;
        if (v1 is null)
        {
            errors.At(template, "Required value");
            return null;
        }
        int before = errors.Count;
        var metadata = template.Child("metadata");
        var (_, workload) = WorkloadAnnotations.Read(metadata.Child("annotations"), errors, AnnotationTarget.PodTemplate);
        var spec = PodSpecReader.Read(v1.Spec, template.Child("spec"), context.PriorityClasses, errors);
        if (errors.Count > before || spec is null) return null;

        var labels = PodSpecReader.Copy(v1.Metadata?.Labels);
        foreach (var (key, value) in extraLabels ?? ObjectMeta.EmptyMap) labels[key] = value;
        return new PodTemplate
        {
            Labels = labels,
            Annotations = PodSpecReader.Copy(v1.Metadata?.Annotations),
            Spec = spec,
            Workload = workload,
        };
    }

    /// <summary>Where the quantities of a template's pod spec are, for <see cref="TypedManifest"/> to leave alone.</summary>
    public static IEnumerable<SourceField> QuantityFields(SourceField template) =>
        PodSpecReader.QuantityFields(template.Child("spec"));
}
