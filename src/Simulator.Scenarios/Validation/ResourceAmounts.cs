using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

/// <summary>One resource of a requests, limits, capacity or allocatable map, in ksim base units.</summary>
internal readonly record struct ResourceAmount(string Name, long Value, SourceField Field)
{
    /// <summary>The value as Kubernetes prints it in messages ("1", "500m", "4Gi"), from the text as written.</summary>
    public string Canonical =>
        Field.Scalar is { } s && Quantity.TryParse(s.Value, out var q, out _) ? q.ToString() : Quantity.FormatFor(Name, Value);
}

internal enum ResourceOwner
{
    Container,
    Node,
}

/// <summary>
/// Reads resource maps from the source tree (never from KubernetesClient's ResourceQuantity), so
/// each value keeps its raw text and position for messages such as <c>must be an integer, got "0.5"</c>.
/// </summary>
internal static class ResourceAmounts
{
    private static readonly string[] ContainerNames =
        [ResourceNames.Cpu, ResourceNames.Memory, ResourceNames.EphemeralStorage, ResourceNames.NvidiaGpu, ResourceNames.GoogleTpu];

    private static readonly string[] NodeNames = [.. ContainerNames, ResourceNames.Pods];

    public static List<ResourceAmount> Read(SourceField map, ResourceOwner owner, ScenarioErrors errors)
    {
        var amounts = new List<ResourceAmount>();
        if (map.IsMissing) return amounts;
        if (map.Node is not SourceMapping)
        {
            errors.At(map, $"expected a map of resource quantities, got {map.Node!.Describe()}");
            return amounts;
        }
        foreach (var (name, field) in map.Entries())
        {
            if (!IsValidName(name, owner))
            {
                string rule = owner == ResourceOwner.Container
                    ? "must be a standard resource for containers"
                    : "must be a standard resource type or fully qualified";
                errors.AtKey(field, $"Invalid value: \"{name}\": {rule}{Suggestions.Hint(name, owner == ResourceOwner.Container ? ContainerNames : NodeNames)}");
                continue;
            }
            if (field.Node is not SourceScalar { IsNull: false } scalar)
            {
                errors.At(field, $"expected a quantity such as \"2\", \"500m\" or \"4Gi\", got {(field.Node is null ? "null" : field.Node.Describe())}");
                continue;
            }
            if (Quantity.TryParseFor(name, scalar.Value, out long value, out var error))
            {
                var amount = new ResourceAmount(name, value, field);
                if (owner == ResourceOwner.Container) GpuShareRules.CheckAmount(amount, errors);
                amounts.Add(amount);
            }
            else
                errors.At(field, error);
        }
        return amounts;
    }

    public static ResourceList ToList(IEnumerable<ResourceAmount> amounts) =>
        ResourceList.From(amounts.Select(a => new KeyValuePair<string, long>(a.Name, a.Value)));

    public static ResourceAmount? Find(List<ResourceAmount> amounts, string name)
    {
        foreach (var a in amounts)
            if (a.Name == name) return a;
        return null;
    }

    /// <summary>Kubernetes' rule (validateContainerResourceName / validateResourceName): a standard name, or a qualified extended name.</summary>
    private static bool IsValidName(string name, ResourceOwner owner)
    {
        if (name is ResourceNames.Cpu or ResourceNames.Memory or ResourceNames.EphemeralStorage) return true;
        if (name.StartsWith("hugepages-", StringComparison.Ordinal)) return true;
        if (owner == ResourceOwner.Node && name == ResourceNames.Pods) return true;
        return ResourceNames.IsExtended(name);
    }
}
