using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// An HPA's <c>spec.metrics</c>: the two sources ksim measures. A Resource metric on cpu with a
/// Utilization target (the pods' busy fraction of their CPU request), and a Pods metric with an
/// AverageValue target; the one pods metric ksim provides is requests_per_second.
/// </summary>
internal static class HpaMetricReader
{
    public const string RequestsPerSecond = "requests_per_second";

    /// <summary>SetDefaults_HorizontalPodAutoscaler: no metrics means CPU at 80 % of the request.</summary>
    public const int DefaultCpuUtilization = 80;

    /// <summary>The metrics (the default when none are written), or null after reporting errors.</summary>
    public static List<HpaMetric>? Read(IList<V2MetricSpec>? v1, SourceField metrics, ScenarioErrors errors)
    {
        if (v1 is null || v1.Count == 0) return [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", DefaultCpuUtilization)];
        int before = errors.Count;
        var result = new List<HpaMetric>();
        for (int i = 0; i < v1.Count; i++)
        {
            var item = metrics.Item(i);
            var metric = v1[i].Type switch
            {
                "Resource" => Resource(v1[i].Resource, item.Child("resource"), errors),
                "Pods" => Pods(v1[i].Pods, item.Child("pods"), errors),
                null or "" => Error(item.Child("type"), "Required value: must specify a metric source type", errors),
                var other => Error(item.Child("type"), $"Unsupported value: \"{other}\": supported values: \"Pods\", \"Resource\"", errors),
            };
            if (metric is not null) result.Add(metric);
        }
        return errors.Count > before ? null : result;
    }

    private static HpaMetric? Resource(V2ResourceMetricSource? source, SourceField field, ScenarioErrors errors)
    {
        if (source is null) return Error(field, "Required value: must populate information for the given metric source", errors);
        int before = errors.Count;
        if (string.IsNullOrEmpty(source.Name)) errors.At(field.Child("name"), "Required value: must specify a resource name");
        else if (source.Name != "cpu")
            errors.At(field.Child("name"), $"Unsupported value: \"{source.Name}\": supported values: \"cpu\" (ksim measures CPU busy time)");
        var targetField = field.Child("target");
        var target = source.Target;
        if (target is null) return Error(targetField, "Required value", errors);
        if (target.Type != "Utilization")
            TargetType(target.Type, targetField, "\"Utilization\"", errors);
        else if (target.AverageUtilization is not { } pct)
            errors.At(targetField.Child("averageUtilization"), "Required value: must set either a target raw value or a target utilization");
        else if (pct <= 0)
            errors.At(targetField.Child("averageUtilization"), $"Invalid value: {HorizontalPodAutoscalerReader.Shown(pct)}: must be greater than 0");
        return errors.Count > before ? null : new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", target.AverageUtilization!.Value);
    }

    private static HpaMetric? Pods(V2PodsMetricSource? source, SourceField field, ScenarioErrors errors)
    {
        if (source is null) return Error(field, "Required value: must populate information for the given metric source", errors);
        int before = errors.Count;
        var nameField = field.Child("metric").Child("name");
        var name = source.Metric?.Name;
        if (string.IsNullOrEmpty(name)) errors.At(nameField, "Required value: must specify a metric name");
        else if (name != RequestsPerSecond)
            errors.At(nameField, $"unknown pods metric \"{name}\"{Suggestions.Hint(name, [RequestsPerSecond])} (ksim provides: {RequestsPerSecond})");
        var targetField = field.Child("target");
        var target = source.Target;
        double value = 0;
        if (target is null) return Error(targetField, "Required value", errors);
        if (target.Type != "AverageValue")
            TargetType(target.Type, targetField, "\"AverageValue\"", errors);
        else if (target.AverageValue is not { } quantity)
            errors.At(targetField.Child("averageValue"), "Required value: must set either a target value or averageValue");
        else if ((value = (double)quantity.ToDecimal()) <= 0)
            errors.At(targetField.Child("averageValue"), $"Invalid value: \"{quantity}\": must be positive");
        return errors.Count > before ? null : new HpaMetric(HpaMetricType.PodsAverageValue, name!, value);
    }

    private static void TargetType(string? type, SourceField target, string supported, ScenarioErrors errors)
    {
        var field = target.Child("type");
        if (string.IsNullOrEmpty(type)) errors.At(field, "Required value: must specify a metric target type");
        else errors.At(field, $"Unsupported value: \"{type}\": supported values: {supported}");
    }

    private static HpaMetric? Error(SourceField field, string message, ScenarioErrors errors)
    {
        errors.At(field, message);
        return null;
    }
}
