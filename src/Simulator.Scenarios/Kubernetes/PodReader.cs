using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>v1 Pod</c>: a real pod manifest plus ksim.dev annotations.</summary>
internal static class PodReader
{
    public const string DefaultNamespace = "default";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var v1 = TypedManifest.Read<V1Pod>(context.Text, document, PodSpecReader.QuantityFields(spec), errors);
        if (v1 is null) return;

        int before = errors.Count;
        var meta = ManifestMetadata.Read(v1.Metadata, root.Child("metadata"), errors, AnnotationTarget.Pod);
        var podSpec = PodSpecReader.Read(v1.Spec, spec, context.PriorityClasses, errors);
        if (errors.Count > before || meta is null || podSpec is null) return;
        TrainingRules.Check(meta.Workload, podSpec, 1, root.Child("metadata").Child("annotations"), context);

        var pod = new Pod { Metadata = meta.Metadata, Spec = podSpec, Workload = meta.Workload };
        context.AddPod(new PodSubmission(meta.SubmitAt, pod), meta.NameField);
    }
}
