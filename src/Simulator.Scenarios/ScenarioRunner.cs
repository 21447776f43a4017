using Simulator.Cluster.Metrics;

namespace Simulator.Scenarios;

/// <summary>Builds the simulated cluster for a scenario and runs it (placeholder signature; being implemented).</summary>
public static class ScenarioRunner
{
    public static RunResult Run(ScenarioDefinition scenario, RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not implemented yet");
}
