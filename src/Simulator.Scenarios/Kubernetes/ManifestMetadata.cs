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
}
