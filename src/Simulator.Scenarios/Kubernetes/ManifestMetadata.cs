using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// The metadata of a Pod, Deployment, ReplicaSet, Job, Service or HPA, with what its <c>ksim.dev/</c>
/// annotations say: when it is submitted and, for a bare Pod, how it behaves.
/// </summary>
internal sealed record ManifestMetadata(ObjectMeta Metadata, SimTime SubmitAt, Workload Workload, SourceField NameField)
{
    /// <summary>The metadata, or null after reporting errors in it.</summary>
    public static ManifestMetadata? Read(V1ObjectMeta? v1, SourceField metadata, ScenarioErrors errors, AnnotationTarget target,
        NameRule nameRule = NameRule.Subdomain)
    {
        int before = errors.Count;
        var nameField = metadata.Child("name");
        var name = v1?.Name;
        KubernetesNames.Check(nameField, name, nameRule, errors, "Required value: name or generateName is required");
        var ns = v1?.NamespaceProperty;
        if (ns is not null) KubernetesNames.Check(metadata.Child("namespace"), ns, NameRule.Label, errors);
        var (submitAt, workload) = WorkloadAnnotations.Read(metadata.Child("annotations"), errors, target);
        if (errors.Count > before || name is null) return null;

        var meta = new ObjectMeta
        {
            Name = name,
            Namespace = string.IsNullOrEmpty(ns) ? PodReader.DefaultNamespace : ns,
            Labels = PodSpecReader.Copy(v1?.Labels),
            Annotations = PodSpecReader.Copy(v1?.Annotations),
        };
        return new ManifestMetadata(meta, submitAt, workload, nameField);
    }

    /// <summary>
    /// The metadata of a kind KubernetesClient has no model for (PodGroup, PodDisruptionBudget),
    /// read from the source tree as strictly as the typed kinds: unknown fields are errors. The
    /// name is null after an error in it; the caller goes on to report the spec's errors too.
    /// </summary>
    public static (ObjectMeta Metadata, string? Name, SimTime SubmitAt, SourceField NameField) ReadUntyped(SourceField metadata, ScenarioErrors errors)
    {
        FieldValues.CheckFields(metadata, errors, "name", "namespace", "labels", "annotations");
        var nameField = metadata.Child("name");
        var name = FieldValues.String(nameField, errors);
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors, "Required value: name or generateName is required");
        var ns = Namespace(metadata, errors);
        var labels = FieldValues.StringMap(metadata.Child("labels"), errors);
        var annotationsField = metadata.Child("annotations");
        var annotations = FieldValues.StringMap(annotationsField, errors);
        var (submitAt, _) = WorkloadAnnotations.Read(annotationsField, errors, AnnotationTarget.WorkloadObject);
        var meta = new ObjectMeta { Name = name ?? "", Namespace = ns, Labels = labels, Annotations = annotations };
        return (meta, name, submitAt, nameField);
    }

    /// <summary><c>metadata.namespace</c> read from the source tree and checked as a label; "default" when unset.</summary>
    public static string Namespace(SourceField metadata, ScenarioErrors errors)
    {
        var field = metadata.Child("namespace");
        var ns = FieldValues.String(field, errors);
        if (string.IsNullOrEmpty(ns)) return PodReader.DefaultNamespace;
        KubernetesNames.Check(field, ns, NameRule.Label, errors);
        return ns;
    }
}
