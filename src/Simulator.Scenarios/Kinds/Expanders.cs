using Simulator.Cluster.Controllers.ClusterAutoscaler;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// Checks a Cluster Autoscaler <c>--expander</c> chain the same way wherever one is written:
/// <c>Scenario.spec.clusterAutoscaler.expander</c>, <c>ksim run --expander</c> and
/// <c>ksim compare --expander</c>.
/// </summary>
public static class Expanders
{
    /// <summary>The expanders ksim knows, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Known => ExpanderChain.KnownNames;

    /// <summary>
    /// Null when <paramref name="chain"/> is a valid chain; otherwise <see cref="ExpanderChain.TryParse"/>'s
    /// message, with a "did you mean" when the offending name is an unknown one close to a known one.
    /// </summary>
    public static string? Check(string chain)
    {
        // The random stream is never drawn from: the chain is built only to be validated.
        if (ExpanderChain.TryParse(chain, new Random(0), out _, out var error)) return null;
        if (!error.StartsWith("unknown expander", StringComparison.Ordinal)) return error;
        // TryParse stops at the first bad name, so an unknown-name error is about the first unknown name.
        var unknown = chain.Split(',', StringSplitOptions.TrimEntries).First(n => n.Length > 0 && !Known.Contains(n, StringComparer.Ordinal));
        return error + Validation.Suggestions.Hint(unknown, Known);
    }
}
