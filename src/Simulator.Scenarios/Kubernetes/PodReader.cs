using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>v1 Pod</c>: a real pod manifest plus ksim.dev annotations. Fields ksim does not simulate
/// (env, volumes, probes, ports, ...) are accepted by the typed model and ignored.
/// </summary>
internal static class PodReader
{
    public const string DefaultNamespace = "default";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var v1 = TypedManifest.Read<V1Pod>(context.Text, document, QuantityFields(spec), errors);
        if (v1 is null) return;

        int before = errors.Count;
        var metadata = root.Child("metadata");
        var nameField = metadata.Child("name");
        var name = v1.Metadata?.Name;
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors, "Required value: name or generateName is required");
        var ns = v1.Metadata?.NamespaceProperty;
        if (ns is not null) KubernetesNames.Check(metadata.Child("namespace"), ns, NameRule.Label, errors);
        var (submitAt, workload) = WorkloadAnnotations.Read(metadata.Child("annotations"), errors);

        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return;
        }
        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        var containers = ContainerReader.Read(s.Containers, spec.Child("containers"), containerNames, errors);
        if (containers.Count == 0) errors.At(spec.Child("containers"), "Required value");
        var initContainers = ContainerReader.Read(s.InitContainers, spec.Child("initContainers"), containerNames, errors);
        var overhead = ResourceAmounts.Read(spec.Child("overhead"), ResourceOwner.Container, errors);
        var affinity = NodeAffinityReader.Read(s.Affinity?.NodeAffinity, spec.Child("affinity").Child("nodeAffinity"), errors);
        var tolerations = TolerationReader.Read(s.Tolerations, spec.Child("tolerations"), errors);
        var restartPolicy = PodRules.RestartPolicy(s.RestartPolicy, spec.Child("restartPolicy"), errors);
        long grace = s.TerminationGracePeriodSeconds ?? 30;
        if (grace < 0)
            errors.At(spec.Child("terminationGracePeriodSeconds"), $"Invalid value: {grace}: must be greater than or equal to 0");
        var priority = PodPriority.Resolve(s, spec, context.PriorityClasses, errors);
        if (errors.Count > before || name is null || priority is not { } p) return;

        var pod = new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = string.IsNullOrEmpty(ns) ? DefaultNamespace : ns,
                Labels = Copy(v1.Metadata?.Labels),
                Annotations = Copy(v1.Metadata?.Annotations),
            },
            Spec = new PodSpec
            {
                Containers = containers,
                InitContainers = initContainers,
                Overhead = ResourceAmounts.ToList(overhead),
                NodeName = s.NodeName ?? "",
                NodeSelector = Copy(s.NodeSelector),
                Affinity = affinity,
                Tolerations = tolerations,
                SchedulerName = string.IsNullOrEmpty(s.SchedulerName) ? new PodSpec().SchedulerName : s.SchedulerName,
                PriorityClassName = p.ClassName,
                Priority = p.Value,
                PreemptionPolicy = p.PreemptionPolicy,
                RestartPolicy = restartPolicy ?? RestartPolicy.Always,
                TerminationGracePeriod = SimDuration.FromSeconds(grace),
            },
            Workload = workload,
        };
        context.AddPod(new PodSubmission(submitAt, pod), nameField);
    }

    /// <summary>Resource values the loader reads itself, so KubernetesClient never parses them.</summary>
    private static IEnumerable<SourceField> QuantityFields(SourceField spec)
    {
        foreach (var list in (string[])["containers", "initContainers", "ephemeralContainers"])
            foreach (var container in spec.Child(list).Items())
                foreach (var field in ResourceValues(container.Child("resources")))
                    yield return field;
        foreach (var field in ResourceValues(spec.Child("resources")))
            yield return field;
        foreach (var (_, field) in spec.Child("overhead").Entries())
            yield return field;
    }

    private static IEnumerable<SourceField> ResourceValues(SourceField resources) =>
        resources.Child("limits").Entries().Concat(resources.Child("requests").Entries()).Select(e => e.Field);

    private static Dictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? new(StringComparer.Ordinal) : new(map, StringComparer.Ordinal);
}
