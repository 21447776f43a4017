namespace Simulator.Cluster.Controllers;

/// <summary>
/// Names the API server generates from a <c>generateName</c> prefix, as apiserver's
/// SimpleNameGenerator does: the prefix, cut to leave room, plus five characters drawn from
/// apimachinery's utilrand alphabet (no vowels, no look-alike digits, so no accidental words).
/// </summary>
internal static class PodNames
{
    /// <summary>apimachinery util/rand's alphanums: also what SafeEncodeString maps into.</summary>
    public const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The random stream generated names are drawn from.</summary>
    public const string RandomStream = "pod-names";

    public const int RandomLength = 5;

    /// <summary>Object names are at most 63 characters (DNS label); the prefix is cut to fit the suffix.</summary>
    private const int MaxNameLength = 63;

    /// <summary>
    /// <c>prefix</c> (cut to 58 characters) followed by five random characters; retried while
    /// <paramref name="taken"/> says the name exists, as a create that hits AlreadyExists is retried.
    /// </summary>
    public static string Generate(Random random, string prefix, Func<string, bool> taken)
    {
        if (prefix.Length > MaxNameLength - RandomLength) prefix = prefix[..(MaxNameLength - RandomLength)];
        while (true)
        {
            var name = string.Create(prefix.Length + RandomLength, (prefix, random), static (span, s) =>
            {
                s.prefix.AsSpan().CopyTo(span);
                for (int i = s.prefix.Length; i < span.Length; i++) span[i] = Alphabet[s.random.Next(Alphabet.Length)];
            });
            if (!taken(name)) return name;
        }
    }
}
