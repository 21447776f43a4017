using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>NodePool.spec.autoscaling</c>: <c>min</c> (default 0), <c>max</c> (required),
/// <c>provisioningDelay</c> and <c>gpuReadyDelay</c> (optional: a duration, or a distribution as
/// fault models write it) and <c>priority</c> (default 0).
/// The pool's starting <c>count</c> must lie within [min, max]: the Cluster Autoscaler never
/// moves a node group outside its bounds, so a scenario that starts outside them has no
/// meaning we could simulate faithfully, and is rejected rather than silently clamped.
/// </summary>
internal static class NodePoolAutoscalingReader
{
    /// <summary>The settings, or null when the field is absent or after reporting what is wrong.</summary>
    public static NodePoolAutoscaling? Read(SourceField field, SourceField countField, long? count, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        int before = errors.Count;
        FieldValues.CheckFields(field, errors, "min", "max", "provisioningDelay", "gpuReadyDelay", "priority");
        var minField = field.Child("min");
        var maxField = field.Child("max");
        var min = minField.IsMissing ? 0 : FieldValues.Integer(minField, errors, 0, InputLimits.MaxNodes);
        var max = FieldValues.Integer(maxField, errors, 0, InputLimits.MaxNodes);
        if (maxField.IsMissing) errors.At(maxField, "Required value");
        var delayField = field.Child("provisioningDelay");
        var delay = ReadDelay(delayField, errors);
        var gpuDelay = ReadDelay(field.Child("gpuReadyDelay"), errors);
        var priorityField = field.Child("priority");
        var priority = priorityField.IsMissing ? 0 : FieldValues.Integer(priorityField, errors, int.MinValue, int.MaxValue);

        if (min is { } lo && max is { } hi)
        {
            if (lo > hi)
                errors.At(maxField, $"Invalid value: {hi}: must be greater than or equal to spec.autoscaling.min ({lo})");
            else if (count is { } n && (n < lo || n > hi))
                errors.At(countField, $"Invalid value: {n}: must be between spec.autoscaling.min ({lo}) and spec.autoscaling.max ({hi})");
        }
        if (errors.Count > before || min is null || max is null || priority is null) return null;
        return new NodePoolAutoscaling((int)min, (int)max, delay, (int)priority, gpuDelay);
    }

    /// <summary>"5m" is a constant delay; a map is a distribution, read as fault models read theirs.</summary>
    private static DurationDistribution? ReadDelay(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        if (field.Scalar is null) return DistributionReader.Read(field, errors);
        return FieldValues.Duration(field, errors, positive: false) is { } value ? DurationDistribution.Constant(value) : null;
    }
}
