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
    [InlineData("gpu-milli-over-1000.yaml", "11:29: spec.containers[0].resources.limits.ksim.dev/gpu-milli: must be at most 1000 (one whole GPU), got \"1500\"; ask for nvidia.com/gpu for more")]
    [InlineData("gpu-milli-with-whole-gpus.yaml", "12:29: spec.containers[0].resources.limits.ksim.dev/gpu-milli: may not be combined with nvidia.com/gpu in one pod: ask for whole GPUs or a share of one GPU, not both")]
    [InlineData("generator-negative-rate.yaml", "16:46: spec.steps[1].rate: must not be negative, got \"-4\"")]
    [InlineData("generator-zero-weights.yaml", "9:5: spec.gpus: the weights must add up to more than 0")]
    [InlineData("generator-unknown-model.yaml", "10:5: spec.models.bert-large: unknown model \"bert-large\" in the throughput table (known: A3C, CycleGAN, LM, Recommendation, ResNet-18, ResNet-50, Transformer")]
    [InlineData("training-unknown-model.yaml", "10:25: spec.template.metadata.annotations.ksim.dev/model: unknown model \"ResNet-5O\" in the throughput table; did you mean \"ResNet-50\"? (known: A3C, CycleGAN, LM, Recommendation, ResNet-18, ResNet-50, Transformer; a Scenario's spec.throughputTable can add rows)")]
    [InlineData("training-zero-steps.yaml", "8:21: metadata.annotations.ksim.dev/steps: must be greater than or equal to 1, got \"0\"")]
    [InlineData("training-gpu-count-not-in-table.yaml", "11:25: spec.template.metadata.annotations.ksim.dev/model: the throughput table has no rate for ResNet-50 (batch size 64) on 6 accelerators (3 workers x 2 per pod); it has ResNet-50 (batch size 64) on 1, 2, 4 or 8 accelerators")]
    [InlineData("pytorchjob-unknown-replica-type.yaml", "7:5: spec.pytorchReplicaSpecs.Chief: Unsupported value: \"Chief\": supported values: \"Master\", \"Worker\" (a PyTorchJob's replica types)")]
    [InlineData("pytorchjob-two-masters.yaml", "8:17: spec.pytorchReplicaSpecs.Master.replicas: Invalid value: 2: there must be only 1 master replica")]
    [InlineData("gang-min-member-zero.yaml", "10:14: spec.minMember: must be greater than or equal to 1, got \"0\"")]
    [InlineData("gang-podgroup-unknown-field.yaml", "6:3: spec.scheduleTimeout: unknown field \"scheduleTimeout\" (known: minMember, scheduleTimeoutSeconds, minResources)")]
    [InlineData("tpu-slice-node-count.yaml", "5:10: spec.count: must be 2 for a multi-host TPU slice: topology \"2x4\" is 8 chips at 4 per host (capacity google.com/tpu), got 3")]
    [InlineData("ca-unknown-expander.yaml", "7:15: spec.clusterAutoscaler.expander: unknown expander \"least-wast\" (known: least-nodes, least-waste, most-pods, price, priority, random); did you mean \"least-waste\"?")]
    [InlineData("ca-repeated-expander.yaml", "7:15: spec.clusterAutoscaler.expander: expander \"price\" is given more than once; each expander may be used once")]
    [InlineData("ca-threshold-above-1.yaml", "7:36: spec.clusterAutoscaler.scaleDownUtilizationThreshold: must be between 0 and 1, got \"1.5\"")]
    [InlineData("ca-negative-duration.yaml", "7:28: spec.clusterAutoscaler.scaleDownUnneededTime: must not be negative, got \"-10m\"")]
    [InlineData("ca-parallelism-zero.yaml", "7:26: spec.clusterAutoscaler.maxDrainParallelism: must be between 1 and 2147483647, got \"0\"")]
    [InlineData("ca-unknown-field.yaml", "7:5: spec.clusterAutoscaler.scale-down-unneeded-time: unknown field \"scale-down-unneeded-time\"; did you mean \"scaleDownUnneededTime\"?")]
    [InlineData("tpu-slice-autoscaling.yaml", "6:16: spec.autoscaling: a multi-host TPU slice pool (topology \"2x4\", 8 chips on 2 hosts) is created and removed only as a whole slice, so it cannot be autoscaled node by node; remove spec.autoscaling")]
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
