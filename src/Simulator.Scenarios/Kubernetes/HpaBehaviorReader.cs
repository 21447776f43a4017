using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// An HPA's <c>spec.behavior</c>, checked as validateBehavior does and defaulted as
/// SetDefaults_HorizontalPodAutoscalerBehavior does: a direction left out, and each field left
/// out of a direction, takes that direction's default.
/// </summary>
internal static class HpaBehaviorReader
{
    public const int MaxStabilizationWindowSeconds = 3600;
    public const int MaxPeriodSeconds = 1800;

    /// <summary>The behavior, or null after reporting errors.</summary>
    public static HpaBehavior? Read(V2HorizontalPodAutoscalerBehavior v1, SourceField behavior, ScenarioErrors errors)
    {
        int before = errors.Count;
        var up = Rules(v1.ScaleUp, behavior.Child("scaleUp"), HpaScalingRules.DefaultScaleUp, errors);
        var down = Rules(v1.ScaleDown, behavior.Child("scaleDown"), HpaScalingRules.DefaultScaleDown, errors);
        return errors.Count > before ? null : new HpaBehavior(up, down);
    }

    private static HpaScalingRules Rules(V2HPAScalingRules? v1, SourceField field, HpaScalingRules defaults, ScenarioErrors errors)
    {
        if (v1 is null) return defaults;
        var window = defaults.StabilizationWindow;
        if (v1.StabilizationWindowSeconds is { } seconds)
        {
            var windowField = field.Child("stabilizationWindowSeconds");
            if (seconds < 0)
                errors.At(windowField, $"Invalid value: {Shown(seconds)}: must be greater than or equal to zero");
            else if (seconds > MaxStabilizationWindowSeconds)
                errors.At(windowField, $"Invalid value: {Shown(seconds)}: must be less than or equal to {MaxStabilizationWindowSeconds}");
            else window = SimDuration.FromSeconds(seconds);
        }
        var select = v1.SelectPolicy switch
        {
            null or "" => defaults.SelectPolicy,
            "Max" => HpaSelectPolicy.Max,
            "Min" => HpaSelectPolicy.Min,
            "Disabled" => HpaSelectPolicy.Disabled,
            var other => PodRules.Unsupported<HpaSelectPolicy>(other, field.Child("selectPolicy"), errors, "\"Disabled\", \"Max\", \"Min\"") ?? defaults.SelectPolicy,
        };
        // Only a missing list is defaulted; a written empty one is a mistake.
        if (v1.Policies is null) return new HpaScalingRules(window, select, defaults.Policies);
        var policiesField = field.Child("policies");
        if (v1.Policies.Count == 0) errors.At(policiesField, "Required value: must specify at least one Policy");
        var policies = new List<HpaScalingPolicy>();
        for (int i = 0; i < v1.Policies.Count; i++)
            if (Policy(v1.Policies[i], policiesField.Item(i), errors) is { } policy) policies.Add(policy);
        return new HpaScalingRules(window, select, policies);
    }

    private static HpaScalingPolicy? Policy(V2HPAScalingPolicy v1, SourceField item, ScenarioErrors errors)
    {
        int before = errors.Count;
        HpaPolicyType? type = v1.Type switch
        {
            "Pods" => HpaPolicyType.Pods,
            "Percent" => HpaPolicyType.Percent,
            null or "" => Required(item.Child("type"), errors),
            var other => PodRules.Unsupported<HpaPolicyType>(other, item.Child("type"), errors, "\"Percent\", \"Pods\""),
        };
        var valueField = item.Child("value");
        if (valueField.IsMissing) errors.At(valueField, "Required value");
        else if (v1.Value <= 0) errors.At(valueField, $"Invalid value: {Shown(v1.Value)}: must be greater than zero");
        var periodField = item.Child("periodSeconds");
        if (periodField.IsMissing) errors.At(periodField, "Required value");
        else if (v1.PeriodSeconds <= 0) errors.At(periodField, $"Invalid value: {Shown(v1.PeriodSeconds)}: must be greater than zero");
        else if (v1.PeriodSeconds > MaxPeriodSeconds)
            errors.At(periodField, $"Invalid value: {Shown(v1.PeriodSeconds)}: must be less than or equal to {MaxPeriodSeconds}");
        if (errors.Count > before || type is not { } t) return null;
        return new HpaScalingPolicy(t, v1.Value, SimDuration.FromSeconds(v1.PeriodSeconds));
    }

    private static HpaPolicyType? Required(SourceField field, ScenarioErrors errors)
    {
        errors.At(field, "Required value");
        return null;
    }

    private static string Shown(int value) => HorizontalPodAutoscalerReader.Shown(value);
}
