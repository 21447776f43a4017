using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// NodeResourcesFit's <c>pluginConfig[].args</c> (kubescheduler.config.k8s.io/v1
/// NodeResourcesFitArgs), defaulted as SetDefaults_NodeResourcesFitArgs does (no scoringStrategy:
/// LeastAllocated over cpu and memory; no resources: cpu and memory; a resource weight of 0 is 1)
/// and checked as ValidateNodeResourcesFitArgs does, with its messages.
/// </summary>
internal static class NodeResourcesFitArgsReader
{
    private static readonly string[] SupportedTypes =
        [nameof(ScoringStrategyType.LeastAllocated), nameof(ScoringStrategyType.MostAllocated), nameof(ScoringStrategyType.RequestedToCapacityRatio)];

    public static NodeResourcesFitArgs? Read(SourceField args, ScenarioErrors errors)
    {
        int before = errors.Count;
        FieldValues.CheckFields(args, errors, "apiVersion", "kind", "scoringStrategy");
        var strategy = args.Child("scoringStrategy");
        if (strategy.IsMissing) return NodeResourcesFitArgs.Default;
        FieldValues.CheckFields(strategy, errors, "type", "resources", "requestedToCapacityRatio");

        var typeField = strategy.Child("type");
        var typeText = FieldValues.String(typeField, errors) ?? "";
        ScoringStrategyType? type = Array.IndexOf(SupportedTypes, typeText) >= 0 ? Enum.Parse<ScoringStrategyType>(typeText) : null;
        if (type is null)
            errors.At(typeField, $"Unsupported value: \"{typeText}\": supported values: {string.Join(", ", SupportedTypes.Select(t => $"\"{t}\""))}");

        var resources = new List<ResourceWeight>();
        foreach (var item in FieldValues.List(strategy.Child("resources"), errors))
        {
            FieldValues.CheckFields(item, errors, "name", "weight");
            var name = FieldValues.String(item.Child("name"), errors);
            if (name is null) errors.At(item.Child("name"), "Required value");
            var weightField = item.Child("weight");
            long? written = FieldValues.Integer(weightField, errors, int.MinValue, int.MaxValue);
            if (written is null && !weightField.IsMissing) continue; // not an integer: reported
            long weight = written is null or 0 ? 1 : written.Value;
            if (weight < 0 || weight > 100)
                errors.At(weightField, $"Invalid value: {weight}: resource weight of {name} not in valid range (0, 100]");
            if (name is not null) resources.Add(new ResourceWeight(name, (int)weight));
        }
        if (resources.Count == 0 && strategy.Child("resources").IsMissing) resources.AddRange(NodeResourcesFit.DefaultResources);

        var rtcr = strategy.Child("requestedToCapacityRatio");
        FieldValues.CheckFields(rtcr, errors, "shape");
        List<UtilizationShapePoint>? shape = null;
        if (!rtcr.IsMissing) shape = ReadShape(rtcr.Child("shape"), errors);
        else if (type == ScoringStrategyType.RequestedToCapacityRatio)
            errors.At(rtcr, "Required value: scoringStrategy.type RequestedToCapacityRatio needs requestedToCapacityRatio.shape");

        if (errors.Count > before || type is null) return null;
        return new NodeResourcesFitArgs(type.Value, resources, type == ScoringStrategyType.RequestedToCapacityRatio ? shape : null);
    }

    /// <summary>validateFunctionShape: at least one point, utilizations strictly increasing within [0, 100], scores within [0, 10].</summary>
    private static List<UtilizationShapePoint>? ReadShape(SourceField shapeField, ScenarioErrors errors)
    {
        var points = new List<(UtilizationShapePoint Point, SourceField Field)>();
        foreach (var item in FieldValues.List(shapeField, errors))
        {
            FieldValues.CheckFields(item, errors, "utilization", "score");
            long u = FieldValues.Integer(item.Child("utilization"), errors, int.MinValue, int.MaxValue) ?? 0;
            long s = FieldValues.Integer(item.Child("score"), errors, int.MinValue, int.MaxValue) ?? 0;
            points.Add((new UtilizationShapePoint((int)u, (int)s), item));
        }
        if (points.Count == 0)
        {
            errors.At(shapeField, "Required value: at least one point must be specified");
            return null;
        }
        int before = errors.Count;
        for (int i = 1; i < points.Count; i++)
        {
            if (points[i - 1].Point.Utilization < points[i].Point.Utilization) continue;
            errors.At(points[i].Field.Child("utilization"), $"Invalid value: {points[i].Point.Utilization}: values must be sorted in increasing order");
            break;
        }
        foreach (var (p, field) in points)
        {
            if (p.Utilization < 0 || p.Utilization > 100)
                errors.At(field.Child("utilization"), $"Invalid value: {p.Utilization}: not in valid range [0, 100]");
            if (p.Score < 0 || p.Score > ScoringStrategies.MaxCustomPriorityScore)
                errors.At(field.Child("score"), $"Invalid value: {p.Score}: not in valid range [0, {ScoringStrategies.MaxCustomPriorityScore}]");
        }
        return errors.Count > before ? null : [.. points.Select(p => p.Point)];
    }
}
