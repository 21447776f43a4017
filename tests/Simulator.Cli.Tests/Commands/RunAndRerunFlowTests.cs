using Simulator.Cluster.Metrics;
using Simulator.Scenarios;

namespace Simulator.Cli.Tests.Commands;

/// <summary>The run and rerun flow with a stand-in simulation: what is written, exit codes, Ctrl+C, faults.</summary>
[Collection(RerunCollection.Name)]
public sealed class RunAndRerunFlowTests : IDisposable
{
    private readonly CliHarness _cli = new() { Loader = FakeScenarios.Load, Runner = FakeScenarios.Run };

    public void Dispose() => _cli.Dispose();

    private string Scenario() => _cli.WriteFile("scenarios/fake.yaml", "kind: Scenario\n");

    [Fact]
    public async Task Run_writes_the_results_folder_and_prints_a_summary()
    {
        var (outcome, output) = await _cli.RunToTempOutAsync(Scenario(), "--seed", "42", "--duration", "90s");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("seed 42", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("results: out-", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("default/pod-default: 0/1 nodes are available: 1 Insufficient cpu.", outcome.Out, StringComparison.Ordinal);
        Assert.Equal("kind: Scenario\n", File.ReadAllText(Path.Combine(output, "scenario", "fake.yaml")));
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));
        Assert.Contains("\"duration\": \"1m30s\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 42", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_out_results_go_under_results_scenario_run_id()
    {
        var outcome = await _cli.RunAsync("run", Scenario());

        Assert.Equal(0, outcome.ExitCode);
        var run = Assert.Single(Directory.GetDirectories(_cli.PathTo("results/fake")));
        Assert.Matches(@"^\d{8}-\d{6}-seed5$", Path.GetFileName(run));
        Assert.Contains("results: results/fake/", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_of_a_deterministic_run_finds_every_file_identical()
    {
        var (_, output) = await _cli.RunToTempOutAsync(Scenario(), "--duration", "1h");

        var outcome = await _cli.RunAsync("rerun", output);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("identical: 11 files\n", outcome.Out);
    }

    [Fact]
    public async Task Rerun_names_the_first_differing_file_and_line_and_exits_1()
    {
        var (_, output) = await _cli.RunToTempOutAsync(Scenario());
        // A simulation that ignores its profile: the rerun cannot reproduce pods.csv.
        _cli.Runner = (s, o, p, c, l) => FakeScenarios.Result(5, "other", new Simulator.Engine.SimTime(600_000_000), false);

        var outcome = await _cli.RunAsync("rerun", output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("different: pods.csv line 2\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("  recorded: default,pod-default,", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("  rerun:    default,pod-other,", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_leaves_no_temporary_folder_behind()
    {
        var (_, output) = await _cli.RunToTempOutAsync(Scenario());
        var before = Directory.GetDirectories(Path.GetTempPath(), "ksim-rerun-" + Environment.ProcessId + "-*").Length;

        await _cli.RunAsync("rerun", output);

        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "ksim-rerun-" + Environment.ProcessId + "-*").Length);
    }

    [Fact]
    public async Task Ctrl_c_writes_a_partial_result_and_exits_130()
    {
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();
        _cli.Cancellation = interrupt.Token;

        var (outcome, output) = await _cli.RunToTempOutAsync(Scenario());

        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("INTERRUPTED", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\"partial\": true", File.ReadAllText(Path.Combine(output, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_result_cannot_be_rerun()
    {
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();
        _cli.Cancellation = interrupt.Token;
        var (_, output) = await _cli.RunToTempOutAsync(Scenario());
        _cli.Cancellation = CancellationToken.None;

        var outcome = await _cli.RunAsync("rerun", output);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("partial run", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_fault_exits_1_naming_the_exception_and_its_message_and_writes_nothing()
    {
        _cli.Runner = (s, o, p, c, l) => throw new InvalidOperationException("at t=1m30s, event PodStarted: node vanished");

        var (outcome, output) = await _cli.RunToTempOutAsync(Scenario());

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("internal error: InvalidOperationException: at t=1m30s, event PodStarted: node vanished", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Loader_errors_are_listed_with_positions_and_a_count_and_nothing_runs()
    {
        bool ran = false;
        _cli.Loader = path => new ScenarioLoadResult(null,
        [
            new ScenarioError(path, 3, 5, "spec.replicas", "must be a non-negative integer"),
            new ScenarioError(path, 9, 1, "", "unknown kind \"Pid\""),
        ]);
        _cli.Runner = (s, o, p, c, l) => { ran = true; return FakeScenarios.Run(s, o, p, c, l); };
        var file = Scenario();

        var outcome = await _cli.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
            $"{file}:3:5: spec.replicas: must be a non-negative integer\n{file}:9:1: unknown kind \"Pid\"\n2 error(s); nothing was run\n",
            outcome.Error);
        Assert.False(ran);
        Assert.False(Directory.Exists(_cli.PathTo("results")));
    }

    [Fact]
    public async Task Validate_prints_ok_with_counts()
    {
        var file = Scenario();

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"{file}: ok (0 nodes, 0 pods)\n", outcome.Out);
    }

    [Fact]
    public async Task The_expander_reaches_the_run_is_recorded_in_the_manifest_and_rerun_repeats_it()
    {
        var seen = new List<string?>();
        _cli.Runner = (s, o, p, c, l) => { seen.Add(o.Expander); return FakeScenarios.Run(s, o, p, c, l); };

        var (outcome, output) = await _cli.RunToTempOutAsync(Scenario(), "--expander", "priority,least-waste");
        var rerun = await _cli.RunAsync("rerun", output);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"expander\": \"priority,least-waste\"", File.ReadAllText(Path.Combine(output, "manifest.json")), StringComparison.Ordinal);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("ksim: rerunning fake with seed 5, profile default, expander priority,least-waste\n", rerun.Error, StringComparison.Ordinal);
        Assert.Equal(["priority,least-waste", "priority,least-waste"], seen);
    }

    [Fact]
    public async Task Without_expander_the_manifest_records_none_and_rerun_uses_the_scenarios()
    {
        var seen = new List<string?>();
        _cli.Runner = (s, o, p, c, l) => { seen.Add(o.Expander); return FakeScenarios.Run(s, o, p, c, l); };

        var (_, output) = await _cli.RunToTempOutAsync(Scenario());
        var rerun = await _cli.RunAsync("rerun", output);

        Assert.Contains("\"expander\": null", File.ReadAllText(Path.Combine(output, "manifest.json")), StringComparison.Ordinal);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal([null, null], seen);
    }

    [Fact]
    public async Task A_manifest_with_a_bad_expander_exits_2_naming_it()
    {
        var (_, output) = await _cli.RunToTempOutAsync(Scenario(), "--expander", "price");
        var manifest = Path.Combine(output, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"expander\": \"price\"", "\"expander\": \"pricey\"", StringComparison.Ordinal));

        var outcome = await _cli.RunAsync("rerun", output);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("manifest.json: options.expander: unknown expander \"pricey\"", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean \"price\"?", outcome.Error, StringComparison.Ordinal);
    }
}
