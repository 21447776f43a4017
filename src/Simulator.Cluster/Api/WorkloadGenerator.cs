namespace Simulator.Cluster.Api;

/// <summary>
/// A ksim.dev WorkloadGenerator: training Jobs arriving over time, drawn from distributions.
/// TODO(generator helper): arrival rate, mixes, template.
/// </summary>
public sealed record WorkloadGenerator
{
    public required string Name { get; init; }
    public string Namespace { get; init; } = "default";
}
