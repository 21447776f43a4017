using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// PodTopologySpread's <c>pluginConfig[].args</c> (kubescheduler.config.k8s.io/v1
/// PodTopologySpreadArgs): <c>defaultConstraints</c> and <c>defaultingType</c> (System, the v1
/// default, or List), checked as ValidatePodTopologySpreadArgs does: with System the list must be
/// empty; each constraint needs maxSkew &gt; 0, a topologyKey, a known whenUnsatisfiable, no
/// labelSelector (the selector is deduced for each pod), and no two share key and action.
/// </summary>
internal static class PodTopologySpreadArgsReader
{
    private static readonly string[] Actions = [nameof(UnsatisfiableConstraintAction.DoNotSchedule), nameof(UnsatisfiableConstraintAction.ScheduleAnyway)];
    private static readonly string[] DefaultingTypes = [nameof(SpreadDefaultingType.System), nameof(SpreadDefaultingType.List)];

    public static PodTopologySpreadArgs? Read(SourceField args, ScenarioErrors errors)
    {
        int before = errors.Count;
        FieldValues.CheckFields(args, errors, "apiVersion", "kind", "defaultConstraints", "defaultingType");
        var typeField = args.Child("defaultingType");
        var type = SpreadDefaultingType.System;
        if (!typeField.IsMissing)
        {
            var text = FieldValues.String(typeField, errors) ?? "";
            if (Array.IndexOf(DefaultingTypes, text) >= 0) type = Enum.Parse<SpreadDefaultingType>(text);
            else errors.At(typeField, $"Unsupported value: \"{text}\": supported values: {string.Join(", ", DefaultingTypes.Select(t => $"\"{t}\""))}");
        }

        var constraintsField = args.Child("defaultConstraints");
        var constraints = new List<TopologySpreadConstraint>();
        var seen = new HashSet<(string, UnsatisfiableConstraintAction)>();
        foreach (var item in FieldValues.List(constraintsField, errors))
        {
            FieldValues.CheckFields(item, errors, "maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector");
            var skewField = item.Child("maxSkew");
            long skew = FieldValues.Integer(skewField, errors, int.MinValue, int.MaxValue) ?? 1;
            if (skew <= 0) errors.At(skewField, $"Invalid value: {skew}: must be greater than zero");
            var keyField = item.Child("topologyKey");
            var key = FieldValues.String(keyField, errors) ?? "";
            if (key.Length == 0) errors.At(keyField, "Required value: can not be empty");
            var actionField = item.Child("whenUnsatisfiable");
            var actionText = FieldValues.String(actionField, errors) ?? "";
            var action = UnsatisfiableConstraintAction.DoNotSchedule;
            if (Array.IndexOf(Actions, actionText) >= 0) action = Enum.Parse<UnsatisfiableConstraintAction>(actionText);
            else errors.At(actionField, $"Unsupported value: \"{actionText}\": supported values: {string.Join(", ", Actions.Select(a => $"\"{a}\""))}");
            if (!item.Child("labelSelector").IsMissing)
                errors.At(item.Child("labelSelector"), "Forbidden: constraint must not define a selector, as they deduced for each pod");
            if (key.Length > 0 && !seen.Add((key, action)))
                errors.At(item, $"Duplicate value: \"{{{key}, {actionText}}}\"");
            constraints.Add(new TopologySpreadConstraint((int)Math.Max(skew, 1), key, action, null));
        }
        if (type == SpreadDefaultingType.System && constraints.Count > 0)
            errors.At(constraintsField, "Invalid value: when .defaultingType is \"System\", .defaultConstraints must be empty");

        return errors.Count > before ? null : new PodTopologySpreadArgs(constraints, type);
    }
}
