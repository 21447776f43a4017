namespace Simulator.Cli.Tests.Commands;

/// <summary>A bad trace file stops validate and run with exit code 2 and the CSV line and column.</summary>
public sealed class TraceReplayCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Scenario(string pods)
    {
        _cli.WriteFile("trace/pods.csv", pods);
        return _cli.WriteFile("trace.yaml",
            "apiVersion: ksim.dev/v1alpha1\nkind: TraceReplay\nmetadata: {name: t}\nspec:\n  format: alibaba-gpu-2023\n  pods: trace/pods.csv\n  mode: fill\n");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public async Task A_bad_number_exits_2_naming_the_csv_line_and_column(string command)
    {
        var file = Scenario("name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,creation_time,deletion_time\na,1000,1024,1,half,,0,10\n");

        var outcome = await _cli.RunAsync(command, file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{file}:6:9: spec.pods: trace/pods.csv:2: column gpu_milli: must be a whole number, got \"half\"", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_exits_2()
    {
        var file = Scenario("name,cpu_milli,memory_mib,num_gpu,gpu_milli,creation_time,deletion_time\na,1000,1024,1,500,0,10\n");

        var outcome = await _cli.RunAsync("validate", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("trace/pods.csv:1: column gpu_spec: missing from the header", outcome.Error, StringComparison.Ordinal);
    }
}
