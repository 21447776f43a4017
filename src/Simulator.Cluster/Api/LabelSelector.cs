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

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        foreach (var r in MatchExpressions)
        {
            bool has = labels.TryGetValue(r.Key, out var actual);
            bool ok = r.Operator switch
            {
                LabelSelectorOperator.In => has && r.Values.Contains(actual!),
                LabelSelectorOperator.NotIn => !has || !r.Values.Contains(actual!),
                LabelSelectorOperator.Exists => has,
                LabelSelectorOperator.DoesNotExist => !has,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
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
