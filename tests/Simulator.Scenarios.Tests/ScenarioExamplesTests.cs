using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests;

/// <summary>The example scenarios in scenarios/ load cleanly and say what their README says.</summary>
public class ScenarioExamplesTests
{
    private static readonly string ScenariosDirectory = Path.Combine(RepositoryRoot(), "scenarios");

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenariosDirectory, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_example_loads_without_errors(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, file));
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_example_is_listed_in_the_README(string file) =>
        Assert.Contains($"[{file}]({file})", File.ReadAllText(Path.Combine(ScenariosDirectory, "README.md")), StringComparison.Ordinal);

    [Fact]
    public void Quickstart_has_two_pools_and_exactly_one_pod_that_fits_nowhere()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, "01-quickstart.yaml")).Scenario!;
        Assert.Equal("quickstart", s.Name);
        Assert.Equal(42UL, s.Seed);
        Assert.Equal(SimDuration.FromSeconds(10), s.MetricsInterval);
        Assert.Equal(["cpu-0", "cpu-1", "cpu-2", "gpu-0", "gpu-1"], s.Nodes.Select(n => n.Name));
        Assert.InRange(s.Pods.Count, 15, 25);

        var unfit = s.Pods.Where(p => !s.Nodes.Any(n => Fits(p.Pod.Requests, n.Status.Allocatable))).Select(p => p.Pod.Name);
        Assert.Equal(["train-huge"], unfit);
        Assert.Contains(s.Pods, p => p.SubmitAt > SimTime.Zero && p.Pod.Requests[ResourceNames.NvidiaGpu] > 0);
        Assert.Contains(s.Pods, p => p.Pod.Workload.Duration is null);
    }

    private static bool Fits(ResourceList requests, ResourceList allocatable)
    {
        foreach (var (name, value) in requests)
            if (value > allocatable[name]) return false;
        return true;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Simulator.sln not found above " + AppContext.BaseDirectory);
    }
}
