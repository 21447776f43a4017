using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// core/v1 PodSpec, shared by Pods and the pod templates of Deployments, ReplicaSets and Jobs.
/// Fields ksim does not simulate (env, volumes, probes, ports, ...) are accepted by the typed
/// model and ignored.
/// </summary>
internal static class PodSpecReader
{
    /// <summary>The spec, or null after reporting its errors. A missing spec is "Required value".</summary>
    public static PodSpec? Read(V1PodSpec? s, SourceField spec, PriorityClassTable priorityClasses, ScenarioErrors errors)
    {
        if (s is null)
        {
            errors.At(spec, "Required value");
            return null;
        }
        int before = errors.Count;
        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        var containers = ContainerReader.Read(s.Containers, spec.Child("containers"), containerNames, errors);
        if (containers.Count == 0) errors.At(spec.Child("containers"), "Required value");
        var initContainers = ContainerReader.Read(s.InitContainers, spec.Child("initContainers"), containerNames, errors);
        var overhead = ResourceAmounts.Read(spec.Child("overhead"), ResourceOwner.Container, errors);
        var affinity = NodeAffinityReader.Read(s.Affinity?.NodeAffinity, spec.Child("affinity").Child("nodeAffinity"), errors);
        var affinityField = spec.Child("affinity");
        var podAffinity = PodAffinityReader.Read(s.Affinity?.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution,
            s.Affinity?.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution, affinityField.Child("podAffinity"), errors);
        var podAntiAffinity = PodAffinityReader.Read(s.Affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution,
            s.Affinity?.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution, affinityField.Child("podAntiAffinity"), errors);
        var spreadConstraints = TopologySpreadReader.Read(s.TopologySpreadConstraints, spec.Child("topologySpreadConstraints"), errors);
        var tolerations = TolerationReader.Read(s.Tolerations, spec.Child("tolerations"), errors);
        var restartPolicy = PodRules.RestartPolicy(s.RestartPolicy, spec.Child("restartPolicy"), errors);
        long grace = s.TerminationGracePeriodSeconds ?? 30;
        if (grace < 0)
            errors.At(spec.Child("terminationGracePeriodSeconds"), $"Invalid value: {grace}: must be greater than or equal to 0");
        var priority = PodPriority.Resolve(s, spec, priorityClasses, errors);
        if (errors.Count > before || priority is not { } p) return null;

        return new PodSpec
        {
            Containers = containers,
            InitContainers = initContainers,
            Overhead = ResourceAmounts.ToList(overhead),
            NodeName = s.NodeName ?? "",
            NodeSelector = Copy(s.NodeSelector),
            Affinity = affinity,
            PodAffinity = podAffinity,
            PodAntiAffinity = podAntiAffinity,
            TopologySpreadConstraints = spreadConstraints,
            Tolerations = tolerations,
            SchedulerName = string.IsNullOrEmpty(s.SchedulerName) ? new PodSpec().SchedulerName : s.SchedulerName,
            PriorityClassName = p.ClassName,
            Priority = p.Value,
            PreemptionPolicy = p.PreemptionPolicy,
            // Kubernetes defaulting (SetDefaults_PodSpec), also for templates: Jobs are validated after it.
            RestartPolicy = restartPolicy ?? RestartPolicy.Always,
            TerminationGracePeriod = SimDuration.FromSeconds(grace),
        };
    }

    /// <summary>Resource values the loader reads itself, so KubernetesClient never parses them.</summary>
    public static IEnumerable<SourceField> QuantityFields(SourceField spec)
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

    public static Dictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? new(StringComparer.Ordinal) : new(map, StringComparer.Ordinal);

    private static IEnumerable<SourceField> ResourceValues(SourceField resources) =>
        resources.Child("limits").Entries().Concat(resources.Child("requests").Entries()).Select(e => e.Field);
}
