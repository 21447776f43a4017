using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>apps/v1 ReplicaSet</c>: keeps a number of pods from one template running.</summary>
internal static class ReplicaSetReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var templateField = spec.Child("template");
        var v1 = TypedManifest.Read<V1ReplicaSet>(context.Text, document, PodTemplateReader.QuantityFields(templateField), errors);
        if (v1 is null) return;

        int before = errors.Count;
        var meta = WorkloadMetadata.Read(v1.Metadata, root.Child("metadata"), errors);
        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return;
        }
        int replicas = WorkloadRules.NonNegative(s.Replicas, 1, spec.Child("replicas"), errors);
        var selector = WorkloadRules.RequiredSelector(spec.Child("selector"), errors);
        WorkloadRules.SelectorMatchesTemplate(selector, s.Template?.Metadata?.Labels, templateField, errors);
        var template = PodTemplateReader.Read(s.Template, templateField, context);
        if (template is not null) WorkloadRules.RestartPolicyIn(template, templateField, errors, RestartPolicy.Always);
        int minReadySeconds = WorkloadRules.NonNegative(s.MinReadySeconds, 0, spec.Child("minReadySeconds"), errors);
        if (errors.Count > before || meta is null || selector is null || template is null) return;

        var replicaSet = new ReplicaSet
        {
            Metadata = meta.Metadata,
            Spec = new ReplicaSetSpec
            {
                Replicas = replicas,
                Selector = selector,
                Template = template,
                MinReadySeconds = minReadySeconds,
            },
        };
        context.AddWorkload(new ObjectSubmission(meta.SubmitAt, replicaSet), meta.NameField, "replicasets.apps");
    }
}
