namespace Simulator.Scenarios.Validation;

/// <summary>"did you mean" hints for misspelled field names, annotation keys and resource names.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>, if it is close enough to be a typo.
    /// Both are compared lower-cased, or in the form <paramref name="normalize"/> gives them (model
    /// names are matched by their letters and digits only, so they are compared that way too).
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates, Func<string, string>? normalize = null)
    {
        normalize ??= static s => s.ToLowerInvariant();
        string? best = null;
        int bestDistance = int.MaxValue;
        var key = normalize(typed);
        int allowed = Math.Max(1, key.Length / 3);
        foreach (var candidate in candidates)
        {
            int d = Distance(key, normalize(candidate));
            if (d <= allowed && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary><c>; did you mean "x"?</c> or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates, Func<string, string>? normalize = null) =>
        Closest(typed, candidates, normalize) is { } s ? $"; did you mean \"{s}\"?" : "";

    /// <summary>
    /// Up to <paramref name="count"/> candidates that look like what was meant: within typo
    /// distance, or containing the typed text (a pod's generated name contains its controller's),
    /// nearest first, then in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates, int count)
    {
        var key = typed.ToLowerInvariant();
        int allowed = Math.Max(1, key.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Distance(key, c.ToLowerInvariant()), Contains: c.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.Distance <= allowed || x.Contains)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>Levenshtein distance with adjacent transpositions (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, previous2[j - 2] + 1);
                current[j] = d;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
