namespace Simulator.Cli.Tests.Commands;

public sealed class ProfilesCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Lists_every_built_in_profile_with_one_line_each()
    {
        var outcome = await _cli.RunAsync("profiles");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Cluster.Scheduling.Profiles.ProfileCatalog.Names.Order(StringComparer.Ordinal), lines.Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("fgd ", StringComparison.Ordinal) && l.Contains("fragmentation", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length > 30, l));
    }

    [Fact]
    public async Task Prints_a_profile_as_the_KubeSchedulerConfiguration_that_reproduces_it()
    {
        var outcome = await _cli.RunAsync("profiles", "gang");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("""
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: gang
              plugins:
                multiPoint:
                  enabled:
                  - name: Coscheduling
                  disabled:
                  - name: PrioritySort

            """.Replace("\r\n", "\n", StringComparison.Ordinal), outcome.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_name_exits_2()
    {
        var outcome = await _cli.RunAsync("profiles", "packer");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: unknown scheduler profile \"packer\" (known: bin-packing, default, dot-product, fastest-accelerator, fgd, gang, gpu-best-fit, gpu-clustering, gpu-packing, random, spread)", outcome.Error.Trim());
    }

    [Fact]
    public async Task A_scenario_with_a_configuration_error_exits_2()
    {
        var file = _cli.WriteFile("config.yaml", """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - plugins:
                score:
                  enabled: [{name: NodeResourcesFit, weight: 200}]
            """);

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(file + ":6:50: profiles[0].plugins.score.enabled[0].weight: Invalid value: 200: plugin weight not in valid range [1, 100]",
            outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_option_sorting_the_queue_unlike_the_configuration_exits_2_and_writes_nothing()
    {
        var file = _cli.WriteFile("two.yaml", """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: packer
            """);

        var (outcome, output) = await _cli.RunToTempOutAsync(file, "--profile", "gang");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: --profile: profile \"gang\" sorts the queue with Coscheduling but the configured profile \"packer\" with PrioritySort: queueSort must be the same for all profiles",
            outcome.Error.Trim());
        Assert.False(Directory.Exists(output));
    }
}
