using Simulator.Scenarios;

namespace Simulator.Cli.Execution;

/// <summary>
/// One side of a comparison: its name (its folder and its row in the tables) and the run options
/// every one of its runs starts from; each run then sets only the seed. A variant differs from the
/// others along one axis: the scheduler profile (<c>--profiles</c>) or the Cluster Autoscaler's
/// expander chain (<c>--expander</c>).
/// </summary>
internal sealed record ComparisonVariant(string Name, RunOptions Options)
{
    public static ComparisonVariant Profile(string profile, RunOptions common) => new(profile, common with { Profile = profile });

    public static ComparisonVariant Expander(string chain, RunOptions common) => new(chain, common with { Expander = chain });
}
