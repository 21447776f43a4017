namespace Simulator.Scenarios;

/// <summary>Reads a scenario file (placeholder signature; being implemented).</summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult Load(string path) =>
        new(null, [new ScenarioError(path, 1, 1, "", "scenario loading is not implemented yet")]);
}
