using Simulator.Reporting.Comparison;

namespace Simulator.Cli.Execution;

/// <summary>
/// What <see cref="ComparisonRuns"/> keeps of every run, in slots fixed by (variant, seed):
/// its headline metric values (null where one did not apply) and its completed Jobs' completion
/// times in seconds, ascending.
/// </summary>
internal sealed record ComparisonSamples(
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double?>>> Values, IReadOnlyList<IReadOnlyList<double[]>> CompletionSeconds)
{
    /// <summary>Per variant (named by <paramref name="names"/>, in the same order) its completion times, all seeds pooled.</summary>
    public IReadOnlyList<VariantCompletionTimes> PooledCompletionTimes(IReadOnlyList<string> names) =>
        [.. names.Select((name, v) => VariantCompletionTimes.Pool(name, CompletionSeconds[v]))];
}
