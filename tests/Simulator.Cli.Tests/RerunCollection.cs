namespace Simulator.Cli.Tests;

/// <summary>
/// Test classes that run `ksim rerun`. A rerun works in a temporary folder named after the process,
/// and one test checks that none is left behind by counting those folders: reruns in other
/// classes running at the same time would be counted too, so these classes run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RerunCollection
{
    public const string Name = "ksim rerun";
}
