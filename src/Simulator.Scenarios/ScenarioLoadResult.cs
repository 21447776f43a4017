namespace Simulator.Scenarios;

/// <summary>Either a scenario ready to run, or every error found in it.</summary>
public sealed record ScenarioLoadResult(ScenarioDefinition? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
