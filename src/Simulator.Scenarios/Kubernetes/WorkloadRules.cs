using System.Globalization;
using System.Text;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// Validation shared by the workload kinds, with the API server's messages (apps and batch
/// ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateJobSpec).
/// </summary>
internal static class WorkloadRules
{
    /// <summary>ValidateNonnegativeField; returns the value or <paramref name="defaultValue"/> when unset.</summary>
    public static int NonNegative(int? value, int defaultValue, SourceField field, ScenarioErrors errors)
    {
        if (value is not { } v) return defaultValue;
        if (v >= 0) return v;
        errors.At(field, $"Invalid value: {v}: must be greater than or equal to 0");
        return defaultValue;
    }

    /// <summary>
    /// A Deployment's or ReplicaSet's selector: required and not empty. Kubernetes uses the
    /// Deployment wording for both kinds.
    /// </summary>
    public static LabelSelector? RequiredSelector(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing)
        {
            errors.At(field, "Required value");
            return null;
        }
        var selector = LabelSelectorReader.Read(field, errors);
        if (selector is { IsEmpty: true })
        {
            errors.At(field, "Invalid value: {}: empty selector is invalid for deployment");
            return null;
        }
        return selector;
    }

    /// <summary>
    /// ValidatePodTemplateSpecForReplicaSet: a controller whose selector does not match its own
    /// pods would create them forever, so the API server refuses it.
    /// </summary>
    public static void SelectorMatchesTemplate(LabelSelector? selector, IDictionary<string, string>? templateLabels,
        SourceField template, ScenarioErrors errors)
    {
        var labels = PodSpecReader.Copy(templateLabels);
        if (selector is null || selector.IsEmpty || selector.Matches(labels)) return;
        errors.At(template.Child("metadata").Child("labels"),
            $"Invalid value: {GoMap(labels, templateLabels is null)}: `selector` does not match template `labels`");
    }

    /// <summary>The restart policies a controller's pods may have, checked after defaulting to Always.</summary>
    public static void RestartPolicyIn(PodTemplate template, SourceField templateField, ScenarioErrors errors, params RestartPolicy[] allowed)
    {
        var policy = template.Spec.RestartPolicy;
        if (Array.IndexOf(allowed, policy) >= 0) return;
        string supported = string.Join(", ", allowed.Select(p => $"\"{p}\""));
        errors.At(templateField.Child("spec").Child("restartPolicy"), $"Unsupported value: \"{policy}\": supported values: {supported}");
    }

    /// <summary>A label map as Go's %#v prints it in API errors: <c>map[string]string{"app":"web"}</c>, keys sorted.</summary>
    public static string GoMap(IReadOnlyDictionary<string, string> map, bool isNil = false)
    {
        if (isNil) return "map[string]string(nil)";
        var sb = new StringBuilder("map[string]string{");
        bool first = true;
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(CultureInfo.InvariantCulture, $"\"{key}\":\"{value}\"");
        }
        return sb.Append('}').ToString();
    }
}
