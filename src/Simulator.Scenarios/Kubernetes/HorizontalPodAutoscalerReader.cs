using System.Globalization;
using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>autoscaling/v2 HorizontalPodAutoscaler</c>, checked as ValidateHorizontalPodAutoscaler
/// does, with one check the API server cannot make: the Deployment or ReplicaSet it scales must
/// be in the scenario. Read after the objects, so the target may come later in the file.
/// </summary>
internal static class HorizontalPodAutoscalerReader
{
    private static readonly string[] TargetKinds = ["Deployment", "ReplicaSet"];

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var v1 = TypedManifest.Read<V2HorizontalPodAutoscaler>(context.Text, document, [], errors);
        if (v1 is null) return;

        int before = errors.Count;
        var meta = ManifestMetadata.Read(v1.Metadata, root.Child("metadata"), errors, AnnotationTarget.WorkloadObject);
        var spec = root.Child("spec");
        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return;
        }
        var target = ScaleTarget(s.ScaleTargetRef, spec.Child("scaleTargetRef"), meta?.Metadata.Namespace, context);
        var (min, max) = Replicas(s, spec, errors);
        var metrics = HpaMetricReader.Read(s.Metrics, spec.Child("metrics"), errors);
        var behavior = s.Behavior is null ? null : HpaBehaviorReader.Read(s.Behavior, spec.Child("behavior"), errors);
        if (errors.Count > before || meta is null || metrics is null || target is not var (kind, name)) return;

        var hpa = new HorizontalPodAutoscaler
        {
            Metadata = meta.Metadata,
            Spec = new HorizontalPodAutoscalerSpec
            {
                TargetKind = kind,
                TargetName = name,
                MinReplicas = min,
                MaxReplicas = max,
                Metrics = metrics,
                Behavior = behavior,
            },
        };
        context.AddWorkload(new ObjectSubmission(meta.SubmitAt, hpa), meta.NameField, "horizontalpodautoscalers.autoscaling");
    }

    private static (string Kind, string Name)? ScaleTarget(V2CrossVersionObjectReference? v1, SourceField field, string? ns, LoadContext context)
    {
        var errors = context.Errors;
        if (v1 is null)
        {
            errors.At(field, "Required value");
            return null;
        }
        int before = errors.Count;
        if (!string.IsNullOrEmpty(v1.ApiVersion) && v1.ApiVersion != "apps/v1")
            errors.At(field.Child("apiVersion"), $"Unsupported value: \"{v1.ApiVersion}\": supported values: \"apps/v1\"");
        var kindField = field.Child("kind");
        if (string.IsNullOrEmpty(v1.Kind)) errors.At(kindField, "Required value");
        else if (Array.IndexOf(TargetKinds, v1.Kind) < 0)
            errors.At(kindField, $"Unsupported value: \"{v1.Kind}\": supported values: \"Deployment\", \"ReplicaSet\"");
        var nameField = field.Child("name");
        if (string.IsNullOrEmpty(v1.Name)) errors.At(nameField, "Required value");
        if (errors.Count > before || ns is null) return null;

        var (kind, name) = (v1.Kind!, v1.Name!);
        bool found = kind == "Deployment" ? context.Find<Deployment>(ns, name) is not null : context.Find<ReplicaSet>(ns, name) is not null;
        if (found) return (kind, name);
        // The target's own errors say what is wrong; "not found" would only add confusion.
        if (context.IsDeclared(kind, ns, name)) return null;
        var names = kind == "Deployment" ? context.NamesOf<Deployment>(ns) : context.NamesOf<ReplicaSet>(ns);
        errors.At(nameField, $"{kind} \"{name}\" not found in namespace \"{ns}\"{Suggestions.Hint(name, names)}");
        return null;
    }

    private static (int Min, int Max) Replicas(V2HorizontalPodAutoscalerSpec s, SourceField spec, ScenarioErrors errors)
    {
        int min = s.MinReplicas ?? 1;
        var maxField = spec.Child("maxReplicas");
        if (s.MinReplicas is < 1)
            errors.At(spec.Child("minReplicas"), $"Invalid value: {Shown(min)}: must be greater than or equal to 1");
        if (maxField.IsMissing)
            errors.At(maxField, "Required value");
        else if (s.MaxReplicas < 1)
            errors.At(maxField, $"Invalid value: {Shown(s.MaxReplicas)}: must be greater than 0");
        else if (s.MaxReplicas < min)
            errors.At(maxField, $"Invalid value: {Shown(s.MaxReplicas)}: must be greater than or equal to `minReplicas`");
        return (min, s.MaxReplicas);
    }

    internal static string Shown(int value) => value.ToString(CultureInfo.InvariantCulture);
}
