using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
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
        var metadata = root.Child("metadata");
        var nameField = metadata.Child("name");
        var name = v1.Metadata?.Name;
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors, "Required value: name or generateName is required");
        var ns = v1.Metadata?.NamespaceProperty;
        if (ns is not null) KubernetesNames.Check(metadata.Child("namespace"), ns, NameRule.Label, errors);
        var (submitAt, workload) = WorkloadAnnotations.Read(metadata.Child("annotations"), errors);
        var podSpec = PodSpecReader.Read(v1.Spec, spec, context.PriorityClasses, errors);
        if (errors.Count > before || name is null || podSpec is null) return;

        var pod = new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = string.IsNullOrEmpty(ns) ? DefaultNamespace : ns,
                Labels = PodSpecReader.Copy(v1.Metadata?.Labels),
                Annotations = PodSpecReader.Copy(v1.Metadata?.Annotations),
            },
            Spec = podSpec,
            Workload = workload,
        };
        context.AddPod(new PodSubmission(submitAt, pod), nameField);
    }
}
