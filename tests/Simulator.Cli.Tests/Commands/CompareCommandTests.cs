using Simulator.Cli.Commands;

namespace Simulator.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    /// <summary>One GPU node: every profile must place every pod on it, so every profile runs exactly the same.</summary>
    private const string OneNode = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: one-node}
        spec: {seed: 1, metricsInterval: 10m}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: WorkloadGenerator
        metadata: {name: train}
        spec:
          rate: 4
          jobs: 12
          models: {resnet50: 1}
          gpus: {1: 0.5, 2: 0.5}
          durations: [{weight: 1, min: 30m, max: 2h}]
          template: {cpuPerGpu: "2", memoryPerGpu: 8Gi}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata: {name: v100}
        spec:
          count: 1
          template:
            metadata:
              labels: {nvidia.com/gpu.product: Tesla-V100-SXM2-16GB}
            capacity: {cpu: "32", memory: 256Gi, nvidia.com/gpu: 4}
        """;

    /// <summary>
    /// A big K80 node and a small V100 node: the default profile prefers the less allocated K80
    /// node (1/64 of its CPU per job against 1/8), where ResNet-50 trains 7 times slower, while
    /// fastest-accelerator sends every job to the V100. The default is worse by construction.
    /// </summary>
    private const string SlowByDefault = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: slow-by-default}
        spec: {seed: 40, metricsInterval: 10m}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: WorkloadGenerator
        metadata: {name: train}
        spec:
          rate: 2
          jobs: 6
          models: {resnet50: 1}
          gpus: {1: 1}
          durations: [{weight: 1, min: 30m, max: 1h}]
          template: {cpuPerGpu: "1", memoryPerGpu: 4Gi}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata: {name: k80}
        spec:
          count: 1
          template:
            metadata:
              labels: {nvidia.com/gpu.product: Tesla-K80}
            capacity: {cpu: "64", memory: 512Gi, nvidia.com/gpu: 8}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata: {name: v100}
        spec:
          count: 1
          template:
            metadata:
              labels: {nvidia.com/gpu.product: Tesla-V100-SXM2-16GB}
            capacity: {cpu: "8", memory: 64Gi, nvidia.com/gpu: 8}
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<(CliOutcome Outcome, string Out)> CompareAsync(string scenario, params string[] options)
    {
        var file = _cli.WriteFile("scenario.yaml", scenario);
        var output = _cli.PathTo("cmp-" + Guid.NewGuid().ToString("N")[..8]);
        var outcome = await _cli.RunAsync(["compare", file, .. options, "--out", output]);
        return (outcome, output);
    }

    /// <summary>comparison.csv as rows of fields (no field in these tests needs quoting).</summary>
    private static List<Dictionary<string, string>> Rows(string directory)
    {
        var lines = File.ReadAllLines(Path.Combine(directory, "comparison.csv"));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Theory]
    [InlineData("--profiles: unknown scheduler profile \"sprad\" (known: bin-packing, default, ", "--profiles", "default,sprad")]
    [InlineData("); did you mean \"spread\"?", "--profiles", "default,sprad")]
    [InlineData("--profiles: \"default\" is listed twice", "--profiles", "default,default")]
    [InlineData("--profiles: expected profile names separated by commas, got \"default,\"", "--profiles", "default,")]
    [InlineData("--seeds: expected a whole number of at least 1, got \"0\"", "--profiles", "default,spread", "--seeds", "0")]
    [InlineData("--parallel: expected a whole number of at least 1, got \"0\"", "--profiles", "default,spread", "--parallel", "0")]
    [InlineData("--parallel: expected a whole number of at least 1, got \"all\"", "--profiles", "default,spread", "--parallel", "all")]
    [InlineData("--baseline: \"bin-packing\" is not one of --profiles (default, spread)", "--profiles", "default,spread", "--baseline", "bin-packing")]
    [InlineData("--baseline: \"Spread\" is not one of --profiles (default, spread); did you mean \"spread\"?", "--profiles", "default,spread", "--baseline", "Spread")]
    [InlineData("nothing to compare: give --profiles A,B,... (scheduler profiles) or --expander CHAIN, repeated (Cluster Autoscaler expander chains)")]
    [InlineData("--profiles and --expander cannot be combined: a comparison varies one thing; give one of them", "--profiles", "default,spread", "--expander", "price")]
    [InlineData("--expander: unknown expander \"bogus\" (known: least-nodes, least-waste, most-pods, price, priority, random)", "--expander", "price", "--expander", "bogus")]
    [InlineData("--expander: unknown expander \"pricee\" (known: least-nodes, least-waste, most-pods, price, priority, random); did you mean \"price\"?", "--expander", "priority,pricee")]
    [InlineData("--expander: expander \"price\" is given more than once", "--expander", "price,price")]
    [InlineData("--expander: \"price,priority\" is given twice; each chain is run once per seed", "--expander", "price,priority", "--expander", "price, priority")]
    [InlineData("--baseline: \"random\" is not one of --expander (priority,least-waste; price)", "--expander", "priority,least-waste", "--expander", "price", "--baseline", "random")]
    public async Task Bad_options_exit_2_and_write_nothing(string expected, params string[] options)
    {
        var (outcome, output) = await CompareAsync(OneNode, options);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(_cli.PathTo("results")));
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task A_profile_sorting_the_queue_unlike_the_configured_profiles_exits_2_and_nothing_runs()
    {
        const string configuration = """
            ---
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: packer
            """;
        var (outcome, output) = await CompareAsync(OneNode + "\n" + configuration, "--profiles", "default,gang", "--seeds", "1");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: --profiles: profile \"gang\" sorts the queue with Coscheduling but the configured profile \"packer\" with PrioritySort: queueSort must be the same for all profiles",
            outcome.Error.Trim());
        Assert.False(Directory.Exists(output));
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task A_broken_scenario_is_reported_once_and_nothing_runs()
    {
        var (outcome, output) = await CompareAsync("kind: [\n", "--profiles", "default,spread");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("nothing was run", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Profiles_that_must_place_alike_differ_by_exactly_zero()
    {
        var (outcome, output) = await CompareAsync(OneNode, "--profiles", "default,bin-packing", "--seeds", "3");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var rows = Rows(output);
        Assert.Contains(rows, r => r["metric"] == "jct_mean");
        Assert.All(rows.Where(r => r["profile"] == "default"), r => Assert.Equal(("3", "", ""), (r["n"], r["diff_mean"], r["significant"])));
        Assert.All(rows.Where(r => r["profile"] == "bin-packing"), r =>
            Assert.Equal(("0", "0", "0", "false"), (r["diff_mean"], r["diff_ci_low"], r["diff_ci_high"], r["significant"])));
        // Seeds are the scenario's (1) and the next two, each written as a normal results folder.
        foreach (var profile in new[] { "default", "bin-packing" })
        foreach (var seed in new[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(output, profile, $"seed-{seed}", "summary.json")), $"{profile}/seed-{seed}");
        Assert.Contains("\"seed\": 3", File.ReadAllText(Path.Combine(output, "bin-packing", "seed-3", "summary.json")), StringComparison.Ordinal);
        Assert.Contains("[ksim] compare: 6/6 runs done", outcome.Error, StringComparison.Ordinal);
        Assert.StartsWith("# Comparison: one-node\n", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_worse_by_construction_is_significantly_worse_and_the_bytes_do_not_depend_on_parallelism()
    {
        string[] options = ["--profiles", "fastest-accelerator,default", "--seeds", "3"];
        var (serial, serialOut) = await CompareAsync(SlowByDefault, [.. options, "--parallel", "1"]);
        var (parallel, parallelOut) = await CompareAsync(SlowByDefault, [.. options, "--parallel", "2"]);
        var (again, againOut) = await CompareAsync(SlowByDefault, [.. options, "--parallel", "2"]);

        Assert.True(serial.ExitCode == 0, serial.ToString());
        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        foreach (var file in new[] { "comparison.csv", "comparison.md", "comparison.html", "default/seed-41/summary.json", "default/seed-41/jobs.csv" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(serialOut, file));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(parallelOut, file)));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(againOut, file)));
        }

        // One chart per metric of comparison.csv plus the CDFs, in charts/ and in comparison.html; none per run.
        var metrics = Rows(serialOut).Select(r => r["metric"]).Distinct().ToList();
        var charts = Directory.GetFiles(Path.Combine(serialOut, "charts"), "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(metrics.Select(m => "metric-" + m).Append("jct-cdf").Order(StringComparer.Ordinal), charts);
        var html = File.ReadAllText(Path.Combine(serialOut, "comparison.html"));
        Assert.Contains("<img class=\"chart\" alt=\"jct-cdf\" src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(serialOut, "default", "seed-41", "charts")));

        // The charts' data too (the CDFs pool each variant's Jobs in (variant, seed) slots, never in
        // completion order); Skia numbers an SVG's clip paths per process, so those ids are left out.
        foreach (var file in new[] { "charts/jct-cdf.svg", "charts/metric-jct_mean.svg" })
        {
            var svg = WithoutClipIds(File.ReadAllText(Path.Combine(serialOut, file)));
            Assert.Equal(svg, WithoutClipIds(File.ReadAllText(Path.Combine(parallelOut, file))));
            Assert.Equal(svg, WithoutClipIds(File.ReadAllText(Path.Combine(againOut, file))));
        }

        var jct = Rows(serialOut).Single(r => r["profile"] == "default" && r["metric"] == "jct_mean");
        Assert.Equal("true", jct["significant"]);
        Assert.True(double.Parse(jct["diff_ci_low"], System.Globalization.CultureInfo.InvariantCulture) > 0, jct["diff_ci_low"]);
        var md = File.ReadAllText(Path.Combine(serialOut, "comparison.md"));
        Assert.Contains("- seeds: 40..42 (3), the same for every profile\n", md, StringComparison.Ordinal);
        var table = md[md.IndexOf("## jct_mean", StringComparison.Ordinal)..];
        Assert.Matches(@"\| fastest-accelerator \| 3 \| [^\n]*\| baseline \|\n\| default \| 3 \| [^\n]*\| worse \|", table);
    }

    [Fact]
    public void Seeds_follow_the_scenarios_seed_and_wrap_past_the_largest()
    {
        Assert.Equal([7UL, 8UL, 9UL], CompareCommand.Seeds(7, 3));
        Assert.Equal([ulong.MaxValue, 0UL], CompareCommand.Seeds(ulong.MaxValue, 2));
    }

    [Fact]
    public async Task An_interrupted_comparison_writes_nothing_and_exits_130()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        _cli.Cancellation = interrupt.Token;

        var (outcome, output) = await CompareAsync(OneNode, "--profiles", "default,spread", "--seeds", "2");

        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("nothing was written", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetDirectories(_cli.WorkingDirectory));
    }

    [Fact]
    public async Task Without_out_the_comparison_goes_next_to_the_scenarios_runs()
    {
        var file = _cli.WriteFile("scenario.yaml", OneNode);

        var outcome = await _cli.RunAsync("compare", file, "--profiles", "default,spread", "--seeds", "1");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var folder = Assert.Single(Directory.GetDirectories(_cli.PathTo(Path.Combine("results", "one-node"))));
        Assert.StartsWith("compare-", Path.GetFileName(folder), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "comparison.md")));
        Assert.True(File.Exists(Path.Combine(folder, "spread", "seed-1", "summary.json")));
        // One seed: a mean without an interval.
        Assert.All(Rows(folder), r => Assert.Equal(("1", "", ""), (r["n"], r["ci_low"], r["ci_high"])));
    }

    [Fact]
    public async Task Expander_chains_are_compared_as_variants_with_a_folder_each_and_an_expander_column()
    {
        // No pool has spec.autoscaling, so the chains cannot differ: every difference is exactly 0.
        var (outcome, output) = await CompareAsync(OneNode,
            "--expander", "priority,least-waste", "--expander", "price", "--seeds", "2", "--baseline", "price");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        foreach (var chain in new[] { "priority,least-waste", "price" })
        foreach (var seed in new[] { 1, 2 })
        {
            var run = Path.Combine(output, chain, $"seed-{seed}");
            Assert.True(File.Exists(Path.Combine(run, "summary.json")), $"{chain}/seed-{seed}");
            Assert.Contains($"\"expander\": \"{chain}\"", File.ReadAllText(Path.Combine(run, "manifest.json")), StringComparison.Ordinal);
        }
        var csv = File.ReadAllLines(Path.Combine(output, "comparison.csv"));
        Assert.StartsWith("expander,metric,unit,n,", csv[0], StringComparison.Ordinal);
        // A chain holds commas, so its CSV field is quoted.
        var chainRows = csv.Where(l => l.StartsWith("\"priority,least-waste\",", StringComparison.Ordinal)).ToList();
        var baselineRows = csv.Where(l => l.StartsWith("price,", StringComparison.Ordinal)).ToList();
        Assert.Contains(chainRows, l => l.StartsWith("\"priority,least-waste\",jct_mean,s,2,", StringComparison.Ordinal));
        Assert.Equal(csv.Length - 1, chainRows.Count + baselineRows.Count);
        Assert.Equal(chainRows.Count, baselineRows.Count);
        Assert.All(chainRows, l => Assert.EndsWith(",0,0,0,false", l, StringComparison.Ordinal));
        Assert.All(baselineRows, l => Assert.EndsWith(",,,,", l, StringComparison.Ordinal));
        var md = File.ReadAllText(Path.Combine(output, "comparison.md"));
        Assert.Contains("- expanders: priority,least-waste; price (baseline: price)\n", md, StringComparison.Ordinal);
        Assert.Contains("- seeds: 1, 2 (2), the same for every expander\n", md, StringComparison.Ordinal);
        Assert.Contains("| expander | n | mean | 95 % CI | vs price |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("profile", md, StringComparison.Ordinal);
        Assert.Contains("4 runs in ", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_comparison_still_heads_its_tables_with_profile()
    {
        var (outcome, output) = await CompareAsync(OneNode, "--profiles", "default,spread", "--seeds", "1");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("profile,metric,unit,n,", File.ReadAllLines(Path.Combine(output, "comparison.csv"))[0], StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(output, "comparison.md"));
        Assert.Contains("- profiles: default, spread (baseline: default)\n", md, StringComparison.Ordinal);
        Assert.Contains("| profile | n | mean | 95 % CI | vs default |", md, StringComparison.Ordinal);
        Assert.Contains("\"expander\": null", File.ReadAllText(Path.Combine(output, "spread", "seed-1", "manifest.json")), StringComparison.Ordinal);
    }

    private static string WithoutClipIds(string svg) => System.Text.RegularExpressions.Regex.Replace(svg, "cl_[0-9a-f]+", "cl_");
}
