using Simulator.Cli.Support;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Scenarios;

namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>
/// Every scenario in scenarios/ runs here: twice through the CLI with the same seed (the result
/// files must be byte-identical), and once through the runner, checked against what the
/// scenario is meant to show. A new scenario without an entry in <see cref="Expectations"/> fails.
/// </summary>
public sealed class ScenarioCatalogTests : IDisposable
{
    private static readonly string Root = RepositoryLocator.FindRootOfExecutable()!;

    private static readonly string[] DeterministicFiles = ["summary.json", "pods.csv", "timeseries.csv", "events.log"];

    /// <summary>What each scenario must show, by file name.</summary>
    private static readonly Dictionary<string, Action<RunResult>> Expectations = new(StringComparer.Ordinal)
    {
        ["01-quickstart.yaml"] = result =>
        {
            var pods = result.Pods.ToDictionary(p => p.Name);
            Assert.Equal(16, pods.Count);
            var huge = pods["train-huge"];
            Assert.Equal(PodPhase.Pending, huge.Phase);
            Assert.Equal("Unschedulable", huge.Reason);
            Assert.StartsWith(
                "0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn't match Pod's node affinity/selector. preemption: ",
                huge.Message, StringComparison.Ordinal);
            Assert.Equal(PodPhase.Running, pods["web"].Phase);
            Assert.All(pods.Values.Where(p => p.Name is not ("web" or "train-huge")),
                p => Assert.Equal(PodPhase.Succeeded, p.Phase));
            // train-gpt2 arrives at 20m while every GPU is taken and waits for two on one node.
            var gpt2 = pods["train-gpt2"];
            Assert.Equal(1200, gpt2.Created.TotalSeconds);
            Assert.True(gpt2.Scheduled!.Value.TotalSeconds > 1200);
            Assert.StartsWith("gpu-", gpt2.Node, StringComparison.Ordinal);
            Assert.All(pods.Values.Where(p => p.Name.StartsWith("train-", StringComparison.Ordinal) && p.Scheduled is not null),
                p => Assert.StartsWith("gpu-", p.Node, StringComparison.Ordinal));
            Assert.All(pods.Values.Where(p => !p.Name.StartsWith("train-", StringComparison.Ordinal)),
                p => Assert.StartsWith("cpu-", p.Node, StringComparison.Ordinal));
        },
    };

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Same_scenario_and_seed_give_byte_identical_results(string scenario)
    {
        var path = Path.Combine(Root, "scenarios", scenario);
        var (first, firstDir) = await _cli.RunToTempOutAsync(path);
        var (second, secondDir) = await _cli.RunToTempOutAsync(path);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var file in DeterministicFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(firstDir, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(secondDir, file))), file);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_shows_what_it_is_meant_to(string scenario)
    {
        Assert.True(Expectations.TryGetValue(scenario, out var expect), $"scenarios/{scenario} has no expected outcome in {nameof(ScenarioCatalogTests)}");
        var loaded = ScenarioLoader.Load(Path.Combine(Root, "scenarios", scenario));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        var result = ScenarioRunner.Run(loaded.Scenario!, new RunOptions(), null, CancellationToken.None);
        Assert.False(result.Partial);
        expect(result);
    }
}
