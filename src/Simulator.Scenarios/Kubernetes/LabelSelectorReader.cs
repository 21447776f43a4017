using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// metav1.LabelSelector (matchLabels and matchExpressions), checked as Kubernetes'
/// ValidateLabelSelector does. Read from the source tree rather than the typed model so that the
/// same reader serves Kubernetes kinds and ksim's fault models, with exact positions for both.
/// </summary>
internal static class LabelSelectorReader
{
    /// <summary>The selector, or null after reporting errors; an absent field gives null without an error.</summary>
    public static LabelSelector? Read(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        int before = errors.Count;
        if (!FieldValues.CheckFields(field, errors, "matchLabels", "matchExpressions")) return null;
        var matchLabels = FieldValues.StringMap(field.Child("matchLabels"), errors);
        var expressions = new List<LabelSelectorRequirement>();
        foreach (var item in FieldValues.List(field.Child("matchExpressions"), errors))
            if (Requirement(item, errors) is { } r) expressions.Add(r);
        return errors.Count == before ? new LabelSelector(matchLabels, expressions) : null;
    }

    private static LabelSelectorRequirement? Requirement(SourceField item, ScenarioErrors errors)
    {
        int before = errors.Count;
        if (!FieldValues.CheckFields(item, errors, "key", "operator", "values")) return null;
        var key = FieldValues.String(item.Child("key"), errors);
        if (string.IsNullOrEmpty(key)) errors.At(item.Child("key"), "Required value");

        var values = new List<string>();
        foreach (var value in FieldValues.List(item.Child("values"), errors))
            if (FieldValues.String(value, errors) is { } v) values.Add(v);

        var operatorField = item.Child("operator");
        var text = FieldValues.String(operatorField, errors);
        LabelSelectorOperator? op = text switch
        {
            "In" => LabelSelectorOperator.In,
            "NotIn" => LabelSelectorOperator.NotIn,
            "Exists" => LabelSelectorOperator.Exists,
            "DoesNotExist" => LabelSelectorOperator.DoesNotExist,
            _ => null,
        };
        if (op is null && text is not null)
            errors.At(operatorField, $"Invalid value: \"{text}\": not a valid selector operator");
        else if (op is null)
            errors.At(operatorField, "Required value");
        switch (op)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.NotIn when values.Count == 0:
                errors.At(item.Child("values"), "Required value: must be specified when `operator` is 'In' or 'NotIn'");
                break;
            case LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist when values.Count > 0:
                errors.At(item.Child("values"), "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                break;
        }
        return errors.Count == before ? new LabelSelectorRequirement(key!, op!.Value, values) : null;
    }
}
