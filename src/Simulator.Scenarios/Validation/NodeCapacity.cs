using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

/// <summary>A node's capacity and allocatable, read and checked the same way for Node and NodePool.</summary>
internal static class NodeCapacity
{
    /// <summary>The kubelet's default <c>maxPods</c>, reported as the <c>pods</c> capacity when not given.</summary>
    public const long DefaultMaxPods = 110;

    /// <summary>
    /// Capacity and allocatable (which defaults to capacity), or null after reporting errors.
    /// Allocatable may not exceed capacity: the kubelet computes it as capacity minus reservations.
    /// </summary>
    public static (ResourceList Capacity, ResourceList Allocatable)? Read(SourceField capacityField, SourceField allocatableField, ScenarioErrors errors)
    {
        int before = errors.Count;
        if (capacityField.IsMissing)
            errors.At(capacityField, "Required value: a node needs a capacity, e.g. cpu: \"8\" and memory: 32Gi");
        var capacity = ResourceAmounts.Read(capacityField, ResourceOwner.Node, errors);
        var allocatable = allocatableField.IsMissing ? capacity : ResourceAmounts.Read(allocatableField, ResourceOwner.Node, errors);

        if (!allocatableField.IsMissing)
        {
            foreach (var a in allocatable)
            {
                if (ResourceAmounts.Find(capacity, a.Name) is not { } c)
                    errors.At(a.Field, $"{a.Name} is not in capacity");
                else if (a.Value > c.Value)
                    errors.At(a.Field, $"must be less than or equal to {a.Name} capacity of {c.Canonical}");
            }
        }
        if (errors.Count > before) return null;

        var capacityList = WithDefaultPods(ResourceAmounts.ToList(capacity));
        var allocatableList = WithDefaultPods(ResourceAmounts.ToList(allocatable), capacityList[ResourceNames.Pods]);
        return (capacityList, allocatableList);
    }

    private static ResourceList WithDefaultPods(ResourceList list, long pods = DefaultMaxPods) =>
        list.Contains(ResourceNames.Pods) ? list : list.Add(ResourceList.Of((ResourceNames.Pods, pods)));
}
