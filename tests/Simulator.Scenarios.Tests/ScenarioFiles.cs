namespace Simulator.Scenarios.Tests;

/// <summary>Writes YAML to a temporary file, loads it, and gives errors with the file shown as "x.yaml".</summary>
internal static class ScenarioFiles
{
    public const string ShownName = "x.yaml";

    public static ScenarioLoadResult Load(string yaml, out string[] errors)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ksim-scenario-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, ShownName);
            File.WriteAllText(path, yaml);
            var result = ScenarioLoader.Load(path);
            errors = [.. result.Errors.Select(e => (e with { File = ShownName }).ToString())];
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static string[] Errors(string yaml)
    {
        Load(yaml, out var errors);
        return errors;
    }

    /// <summary>The file fails to load with exactly <paramref name="expected"/>; <paramref name="name"/> only labels the case.</summary>
    public static void AssertErrors(string name, string yaml, string[] expected)
    {
        _ = name;
        var result = Load(yaml, out var errors);
        Assert.Equal(expected, errors);
        Assert.Null(result.Scenario);
        Assert.False(result.Succeeded);
    }

    public static ScenarioDefinition Valid(string yaml)
    {
        var result = Load(yaml, out var errors);
        Assert.Empty(errors);
        Assert.True(result.Succeeded);
        return result.Scenario!;
    }
}
