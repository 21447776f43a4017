using System.Globalization;

namespace Simulator.Cluster.Api;

public enum NodeSelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
}

/// <summary>One requirement of a node selector term (core/v1 NodeSelectorRequirement).</summary>
public sealed record NodeSelectorRequirement(string Key, NodeSelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        bool has = labels.TryGetValue(Key, out var value);
        switch (Operator)
        {
            case NodeSelectorOperator.In:
                return has && Contains(value!);
            case NodeSelectorOperator.NotIn:
                return !has || !Contains(value!);
            case NodeSelectorOperator.Exists:
                return has;
            case NodeSelectorOperator.DoesNotExist:
                return !has;
            case NodeSelectorOperator.Gt:
            case NodeSelectorOperator.Lt:
                // Kubernetes parses both sides as int64; a label that is not a number never matches.
                if (!has || Values.Count != 1) return false;
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)) return false;
                if (!long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)) return false;
                return Operator == NodeSelectorOperator.Gt ? actual > bound : actual < bound;
            default:
                return false;
        }
    }

    private bool Contains(string value)
    {
        for (int i = 0; i < Values.Count; i++)
            if (Values[i] == value) return true;
        return false;
    }
}

/// <summary>
/// A node selector term: its requirements are ANDed. Only matchExpressions on labels are
/// simulated; matchFields supports metadata.name, the only field Kubernetes allows.
/// </summary>
public sealed record NodeSelectorTerm(IReadOnlyList<NodeSelectorRequirement> MatchExpressions, IReadOnlyList<NodeSelectorRequirement> MatchFields)
{
    public bool Matches(Node node)
    {
        // Kubernetes: a term with no requirements matches nothing.
        if (MatchExpressions.Count == 0 && MatchFields.Count == 0) return false;
        for (int i = 0; i < MatchExpressions.Count; i++)
            if (!MatchExpressions[i].Matches(node.Metadata.Labels)) return false;
        for (int i = 0; i < MatchFields.Count; i++)
            if (!MatchFields[i].Matches(node.FieldSet)) return false;
        return true;
    }
}

public sealed record PreferredSchedulingTerm(int Weight, NodeSelectorTerm Preference);

/// <summary>Node affinity: required terms are ORed; preferred terms add their weight when they match.</summary>
public sealed record NodeAffinity(IReadOnlyList<NodeSelectorTerm>? Required, IReadOnlyList<PreferredSchedulingTerm> Preferred)
{
    public static readonly NodeAffinity None = new(null, []);
}
