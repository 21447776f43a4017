using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// scheduler-plugins' <c>scheduling.x-k8s.io/v1alpha1 PodGroup</c>. KubernetesClient has no model
/// for it, so it is read from the source tree, as strictly as the typed kinds: an unknown field is
/// an error at its position. <c>spec.minResources</c> is accepted and ignored (ksim's
/// Coscheduling checks room by placing the pods, not by a sum), and so is a <c>status</c>
/// copied from a real cluster.
/// </summary>
internal static class PodGroupReader
{
    public const string Resource = "podgroups.scheduling.x-k8s.io";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec", "status");
        var (meta, name, submitAt, nameField) = ManifestMetadata.ReadUntyped(root.Child("metadata"), errors);
        context.Declare("PodGroup", meta.Namespace, name);

        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, "Required value: at least minMember, e.g. {minMember: 4}");
            return;
        }
        FieldValues.CheckFields(spec, errors, "minMember", "scheduleTimeoutSeconds", "minResources");
        var minMemberField = spec.Child("minMember");
        if (minMemberField.IsMissing) errors.At(minMemberField, "Required value: the number of pods that must be placeable together");
        var minMember = Int32(minMemberField, errors);
        var timeout = Int32(spec.Child("scheduleTimeoutSeconds"), errors);
        var minResources = spec.Child("minResources");
        if (!minResources.IsMissing && minResources.Node is not SourceMapping)
            errors.At(minResources, $"expected a map, got {minResources.Node!.Describe()}");
        if (errors.Count > before || name is null || minMember is null) return;

        var group = new PodGroup
        {
            Metadata = meta,
            Spec = new PodGroupSpec { MinMember = minMember.Value, ScheduleTimeoutSeconds = timeout },
        };
        context.AddWorkload(new ObjectSubmission(submitAt, group), nameField, Resource);
    }

    /// <summary>A positive int32, as the CRD declares minMember and scheduleTimeoutSeconds.</summary>
    private static int? Int32(SourceField field, ScenarioErrors errors)
    {
        if (FieldValues.Integer(field, errors, 1, long.MaxValue) is not { } value) return null;
        if (value <= int.MaxValue) return (int)value;
        errors.At(field, $"must be at most {int.MaxValue}, got \"{field.Scalar!.Value}\"");
        return null;
    }
}
