using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// Containers and their resources, with Kubernetes' defaulting (a limit alone sets the request)
/// and validation (ValidateResourceRequirements: extended resources are integers, need a limit
/// and may not be overcommitted; requests may not exceed limits).
/// </summary>
internal static class ContainerReader
{
    /// <summary>
    /// The containers of <paramref name="list"/>; <paramref name="names"/> collects names across
    /// containers and init containers, which Kubernetes requires to be unique together.
    /// </summary>
    public static List<Container> Read(IList<V1Container>? v1, SourceField list, HashSet<string> names, ScenarioErrors errors)
    {
        var containers = new List<Container>();
        if (v1 is null) return containers;
        var effectiveByContainer = new List<List<ResourceAmount>>();
        for (int i = 0; i < v1.Count; i++)
        {
            var c = v1[i];
            var field = list.Item(i);
            var nameField = field.Child("name");
            if (KubernetesNames.Check(nameField, c.Name, NameRule.Label, errors) && !names.Add(c.Name))
                errors.At(nameField, $"Duplicate value: \"{c.Name}\"");
            if (string.IsNullOrWhiteSpace(c.Image))
                errors.At(field.Child("image"), "Required value");
            var (effective, limits) = Amounts(field.Child("resources"), errors);
            effectiveByContainer.Add(effective);
            containers.Add(new Container(c.Name ?? "", c.Image ?? "", ResourceAmounts.ToList(effective), ResourceAmounts.ToList(limits)));
        }
        GpuShareRules.CheckPod(effectiveByContainer, errors);
        return containers;
    }

    /// <summary>Effective requests and limits of one container; errors are reported, not returned.</summary>
    public static (ResourceList Requests, ResourceList Limits) Resources(SourceField resources, ScenarioErrors errors)
    {
        var (effective, limits) = Amounts(resources, errors);
        return (ResourceAmounts.ToList(effective), ResourceAmounts.ToList(limits));
    }

    private static (List<ResourceAmount> Effective, List<ResourceAmount> Limits) Amounts(SourceField resources, ScenarioErrors errors)
    {
        var limits = ResourceAmounts.Read(resources.Child("limits"), ResourceOwner.Container, errors);
        var requests = ResourceAmounts.Read(resources.Child("requests"), ResourceOwner.Container, errors);

        foreach (var request in requests)
        {
            bool extended = ResourceNames.IsExtended(request.Name);
            if (ResourceAmounts.Find(limits, request.Name) is { } limit)
            {
                if (request.Value > limit.Value)
                    errors.At(request.Field, $"must be less than or equal to {request.Name} limit of {limit.Canonical}");
                else if (extended && request.Value != limit.Value)
                    errors.At(request.Field, $"must be equal to {request.Name} limit of {limit.Canonical}");
            }
            else if (extended)
            {
                errors.At(request.Field, "Limit must be set for non overcommitable resources");
            }
        }

        // Kubernetes defaulting: a resource with a limit and no request requests its limit.
        var effective = new List<ResourceAmount>(requests);
        foreach (var limit in limits)
            if (ResourceAmounts.Find(requests, limit.Name) is null) effective.Add(limit);
        return (effective, limits);
    }
}
