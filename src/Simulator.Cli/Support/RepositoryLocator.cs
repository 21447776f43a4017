namespace Simulator.Cli.Support;

/// <summary>
/// Finds the ksim checkout this binary was built in (the folder holding Simulator.sln), so that
/// <c>ksim run</c> without a file and the git commit in manifest.json work from any folder.
/// </summary>
internal static class RepositoryLocator
{
    public const string SolutionFile = "Simulator.sln";
    public const string DefaultScenario = "scenarios/01-quickstart.yaml";

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Simulator.sln.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    public static string? FindRootOfExecutable() => FindRoot(AppContext.BaseDirectory);

    /// <summary>The quickstart scenario: first under the working directory, then in the checkout.</summary>
    public static string? FindDefaultScenario(string workingDirectory)
    {
        var local = Path.Combine(workingDirectory, DefaultScenario);
        if (File.Exists(local)) return local;
        var root = FindRootOfExecutable();
        if (root is null) return null;
        var inRepository = Path.Combine(root, DefaultScenario);
        return File.Exists(inRepository) ? inRepository : null;
    }
}
