using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>spec.topologySpreadConstraints</c>, checked as Kubernetes' validateTopologySpreadConstraints
/// does (messages and field paths as the API server reports them).
/// </summary>
internal static class TopologySpreadReader
{
    public static IReadOnlyList<TopologySpreadConstraint> Read(IList<V1TopologySpreadConstraint>? v1, SourceField field, ScenarioErrors errors)
    {
        if (v1 is null || v1.Count == 0) return [];
        var result = new List<TopologySpreadConstraint>(v1.Count);
        var seen = new HashSet<(string, UnsatisfiableConstraintAction)>();
        for (int i = 0; i < v1.Count; i++)
        {
            var c = v1[i];
            var item = field.Item(i);
            int before = errors.Count;
            if (c.MaxSkew <= 0) errors.At(item.Child("maxSkew"), $"Invalid value: {c.MaxSkew}: must be greater than zero");
            if (string.IsNullOrEmpty(c.TopologyKey)) errors.At(item.Child("topologyKey"), "Required value: can not be empty");
            UnsatisfiableConstraintAction? action = c.WhenUnsatisfiable switch
            {
                "DoNotSchedule" => UnsatisfiableConstraintAction.DoNotSchedule,
                "ScheduleAnyway" => UnsatisfiableConstraintAction.ScheduleAnyway,
                null or "" => Required(item.Child("whenUnsatisfiable"), errors),
                _ => PodRules.Unsupported<UnsatisfiableConstraintAction>(c.WhenUnsatisfiable, item.Child("whenUnsatisfiable"), errors, "\"DoNotSchedule\", \"ScheduleAnyway\""),
            };
            if (c.MinDomains is { } minDomains)
            {
                if (minDomains <= 0)
                    errors.At(item.Child("minDomains"), $"Invalid value: {minDomains}: must be greater than zero");
                else if (action == UnsatisfiableConstraintAction.ScheduleAnyway)
                    errors.At(item.Child("minDomains"), $"Invalid value: {minDomains}: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway");
            }
            var affinityPolicy = Policy(c.NodeAffinityPolicy, item.Child("nodeAffinityPolicy"), errors) ?? NodeInclusionPolicy.Honor;
            var taintsPolicy = Policy(c.NodeTaintsPolicy, item.Child("nodeTaintsPolicy"), errors) ?? NodeInclusionPolicy.Ignore;
            var selector = LabelSelectorReader.Read(item.Child("labelSelector"), errors);
            var matchLabelKeys = c.MatchLabelKeys is null ? [] : c.MatchLabelKeys.ToList();
            for (int k = 0; k < matchLabelKeys.Count; k++)
            {
                var key = matchLabelKeys[k];
                if (selector is not null && (selector.MatchLabels.ContainsKey(key) || selector.MatchExpressions.Any(e => e.Key == key)))
                    errors.At(item.Child("matchLabelKeys").Item(k), $"Invalid value: \"{key}\": exists in both matchLabelKeys and labelSelector");
            }
            if (action is { } a && !string.IsNullOrEmpty(c.TopologyKey) && !seen.Add((c.TopologyKey, a)))
                errors.At(item, $"Duplicate value: \"{{{c.TopologyKey}, {c.WhenUnsatisfiable}}}\"");
            if (errors.Count > before) continue;
            result.Add(new TopologySpreadConstraint(c.MaxSkew, c.TopologyKey, action!.Value, selector, c.MinDomains ?? 1, affinityPolicy, taintsPolicy)
            {
                MatchLabelKeys = matchLabelKeys,
            });
        }
        return result;
    }

    private static UnsatisfiableConstraintAction? Required(SourceField field, ScenarioErrors errors)
    {
        errors.At(field, "Required value");
        return null;
    }

    private static NodeInclusionPolicy? Policy(string? text, SourceField field, ScenarioErrors errors) => text switch
    {
        null => null,
        "Honor" => NodeInclusionPolicy.Honor,
        "Ignore" => NodeInclusionPolicy.Ignore,
        _ => PodRules.Unsupported<NodeInclusionPolicy>(text, field, errors, "\"Honor\", \"Ignore\""),
    };
}
