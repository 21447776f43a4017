using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>
/// The bad inputs a user makes, through `ksim run` with the real loader: each gives its
/// file:line:col error, exit code 2, and nothing under results/.
/// </summary>
public sealed class BadScenarioTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("syntax.yaml", "5:15: YAML syntax error: the parser cannot continue after this point (is a '{' or '[' left unclosed?)")]
    [InlineData("unknown-field.yaml", "9:5: spec.containers[0].resurces: unknown field \"resurces\"; did you mean \"resources\"?")]
    [InlineData("gpu-half.yaml", "11:25: spec.containers[0].resources.limits.nvidia.com/gpu: must be an integer, got \"0.5\"")]
    [InlineData("gpu-mismatch.yaml", "11:25: spec.containers[0].resources.requests.nvidia.com/gpu: must be equal to nvidia.com/gpu limit of 2")]
    [InlineData("unknown-kind.yaml", "2:7: kind: unknown kind \"StatefulSet\" for apiVersion \"apps/v1\"")]
    [InlineData("negative.yaml", "9:12: spec.template.capacity.cpu: must not be negative, got \"-8\"")]
    [InlineData("duplicate-node.yaml", "13:9: metadata.name: nodes \"cpu-1\" already exists (first defined at line 4)")]
    [InlineData("alias-bomb.yaml", "11:10: YAML aliases expand to more than 100000 nodes")]
    [InlineData("selector-mismatch.yaml", "11:15: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"website\"}: `selector` does not match template `labels`")]
    [InlineData("timeline-unknown-node.yaml", "7:38: spec.timeline[0].node: nodes \"gpu-7\" not found; did you mean \"gpu-0\"?")]
    [InlineData("negative-duration.yaml", "6:13: spec.duration: must not be negative, got \"-5m\"")]
    [InlineData("bad-distribution.yaml", "9:51: spec.faults[0].timeToFailure.shape: must be greater than 0, got \"-1\"")]
    [InlineData("traffic-unknown-service.yaml", "13:11: spec.target: service \"wbe\" not found in namespace \"default\"; did you mean \"web\"?")]
    [InlineData("traffic-negative-rate.yaml", "16:20: spec.steps[1].rate: must not be negative, got \"-20\"")]
    [InlineData("hpa-unknown-deployment.yaml", "19:11: spec.scaleTargetRef.name: Deployment \"api\" not found in namespace \"default\"")]
    [InlineData("hpa-min-above-max.yaml", "18:16: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`")]
    public async Task A_bad_scenario_exits_2_with_its_position_and_writes_nothing(string file, string expectedError)
    {
        var source = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, "tests", "Simulator.Cli.Tests", "EndToEnd", "BadScenarios", file);
        File.Copy(source, _cli.PathTo(file));

        var outcome = await _cli.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        var expected = _cli.PathTo(file) + ":" + expectedError;
        Assert.True(outcome.Error.StartsWith(expected, StringComparison.Ordinal), outcome.ToString());
        Assert.EndsWith("1 error(s); nothing was run\n", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Out);
        Assert.False(Directory.Exists(_cli.PathTo("results")), "results/ must not be created");
    }
}
