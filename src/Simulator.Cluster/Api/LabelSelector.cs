namespace Simulator.Cluster.Api;

public enum LabelSelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

public sealed record LabelSelectorRequirement(string Key, LabelSelectorOperator Operator, IReadOnlyList<string> Values);

/// <summary>
/// metav1.LabelSelector: matchLabels and matchExpressions, ANDed. An empty selector matches
/// everything (as for a Service); a null one, nothing.
/// </summary>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelSelectorRequirement> MatchExpressions)
{
    public static LabelSelector FromLabels(IReadOnlyDictionary<string, string> labels) => new(labels, []);

    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <remarks>Allocation-free (no boxed enumerators): the scheduler's spread and affinity plugins match every pod on every node.</remarks>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (MatchLabels is Dictionary<string, string> map)
        {
            foreach (var (key, value) in map)
                if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        else
        {
            foreach (var (key, value) in MatchLabels)
                if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        for (int i = 0; i < MatchExpressions.Count; i++)
        {
            var r = MatchExpressions[i];
            bool has = labels.TryGetValue(r.Key, out var actual);
            bool ok = r.Operator switch
            {
                LabelSelectorOperator.In => has && Contains(r.Values, actual!),
                LabelSelectorOperator.NotIn => !has || !Contains(r.Values, actual!),
                LabelSelectorOperator.Exists => has,
                LabelSelectorOperator.DoesNotExist => !has,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (int i = 0; i < values.Count; i++)
            if (values[i] == value) return true;
        return false;
    }

    /// <summary>"app=web,tier in (a,b)", as kubectl prints selectors.</summary>
    public override string ToString()
    {
        var parts = MatchLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        foreach (var r in MatchExpressions)
        {
            parts.Add(r.Operator switch
            {
                LabelSelectorOperator.In => $"{r.Key} in ({string.Join(",", r.Values)})",
                LabelSelectorOperator.NotIn => $"{r.Key} notin ({string.Join(",", r.Values)})",
                LabelSelectorOperator.Exists => r.Key,
                _ => "!" + r.Key,
            });
        }
        return string.Join(",", parts);
    }
}
