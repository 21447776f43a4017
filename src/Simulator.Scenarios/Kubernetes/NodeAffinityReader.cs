using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>spec.affinity.nodeAffinity</c>, checked as Kubernetes' ValidateNodeSelector and
/// ValidatePreferredSchedulingTerms do. Pod (anti-)affinity is <see cref="PodAffinityReader"/>.
/// </summary>
internal static class NodeAffinityReader
{
    private const string SupportedOperators = "\"DoesNotExist\", \"Exists\", \"Gt\", \"In\", \"Lt\", \"NotIn\"";

    public static NodeAffinity Read(V1NodeAffinity? v1, SourceField field, ScenarioErrors errors)
    {
        if (v1 is null) return NodeAffinity.None;

        List<NodeSelectorTerm>? required = null;
        if (v1.RequiredDuringSchedulingIgnoredDuringExecution is { } selector)
        {
            var termsField = field.Child("requiredDuringSchedulingIgnoredDuringExecution").Child("nodeSelectorTerms");
            var terms = selector.NodeSelectorTerms ?? [];
            if (terms.Count == 0) errors.At(termsField, "Required value: must have at least one node selector term");
            required = [];
            for (int i = 0; i < terms.Count; i++)
                required.Add(Term(terms[i], termsField.Item(i), errors));
        }

        var preferred = new List<PreferredSchedulingTerm>();
        var preferredField = field.Child("preferredDuringSchedulingIgnoredDuringExecution");
        var v1Preferred = v1.PreferredDuringSchedulingIgnoredDuringExecution ?? [];
        for (int i = 0; i < v1Preferred.Count; i++)
        {
            var p = v1Preferred[i];
            var itemField = preferredField.Item(i);
            if (p.Weight is < 1 or > 100)
                errors.At(itemField.Child("weight"), $"Invalid value: {p.Weight}: must be in the range 1-100");
            if (p.Preference is null) errors.At(itemField.Child("preference"), "Required value");
            preferred.Add(new PreferredSchedulingTerm(p.Weight, Term(p.Preference, itemField.Child("preference"), errors)));
        }
        return new NodeAffinity(required, preferred);
    }

    private static NodeSelectorTerm Term(V1NodeSelectorTerm? term, SourceField field, ScenarioErrors errors)
    {
        var expressions = new List<NodeSelectorRequirement>();
        var expressionsField = field.Child("matchExpressions");
        var v1Expressions = term?.MatchExpressions ?? [];
        for (int i = 0; i < v1Expressions.Count; i++)
            if (LabelRequirement(v1Expressions[i], expressionsField.Item(i), errors) is { } r) expressions.Add(r);

        var fields = new List<NodeSelectorRequirement>();
        var fieldsField = field.Child("matchFields");
        var v1Fields = term?.MatchFields ?? [];
        for (int i = 0; i < v1Fields.Count; i++)
            if (FieldRequirement(v1Fields[i], fieldsField.Item(i), errors) is { } r) fields.Add(r);

        return new NodeSelectorTerm(expressions, fields);
    }

    private static NodeSelectorRequirement? LabelRequirement(V1NodeSelectorRequirement r, SourceField field, ScenarioErrors errors)
    {
        int before = errors.Count;
        var values = r.Values ?? [];
        if (string.IsNullOrEmpty(r.Key)) errors.At(field.Child("key"), "Required value");
        NodeSelectorOperator? op = r.OperatorProperty switch
        {
            "In" => NodeSelectorOperator.In,
            "NotIn" => NodeSelectorOperator.NotIn,
            "Exists" => NodeSelectorOperator.Exists,
            "DoesNotExist" => NodeSelectorOperator.DoesNotExist,
            "Gt" => NodeSelectorOperator.Gt,
            "Lt" => NodeSelectorOperator.Lt,
            _ => PodRules.Unsupported<NodeSelectorOperator>(r.OperatorProperty ?? "", field.Child("operator"), errors, SupportedOperators),
        };
        switch (op)
        {
            case NodeSelectorOperator.In or NodeSelectorOperator.NotIn when values.Count == 0:
                errors.At(field.Child("values"), "Required value: must be specified when `operator` is 'In' or 'NotIn'");
                break;
            case NodeSelectorOperator.Exists or NodeSelectorOperator.DoesNotExist when values.Count > 0:
                errors.At(field.Child("values"), "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                break;
            case NodeSelectorOperator.Gt or NodeSelectorOperator.Lt when values.Count != 1:
                errors.At(field.Child("values"), "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'");
                break;
        }
        return errors.Count == before ? new NodeSelectorRequirement(r.Key!, op!.Value, [.. values]) : null;
    }

    /// <summary>matchFields: Kubernetes allows only metadata.name with In or NotIn and one value.</summary>
    private static NodeSelectorRequirement? FieldRequirement(V1NodeSelectorRequirement r, SourceField field, ScenarioErrors errors)
    {
        int before = errors.Count;
        var values = r.Values ?? [];
        NodeSelectorOperator? op = r.OperatorProperty switch
        {
            "In" => NodeSelectorOperator.In,
            "NotIn" => NodeSelectorOperator.NotIn,
            _ => null,
        };
        if (op is null)
            errors.At(field.Child("operator"), $"Invalid value: \"{r.OperatorProperty}\": not a valid selector operator");
        else if (values.Count != 1)
            errors.At(field.Child("values"), "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
        if (r.Key != "metadata.name")
            errors.At(field.Child("key"), $"Invalid value: \"{r.Key}\": not a valid field selector key");
        return errors.Count == before ? new NodeSelectorRequirement(r.Key!, op!.Value, [.. values]) : null;
    }
}
