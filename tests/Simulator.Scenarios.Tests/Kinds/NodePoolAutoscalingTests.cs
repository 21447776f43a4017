using Simulator.Cluster.Faults;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>
/// NodePool.spec.autoscaling and pricePerHour: read onto the pool, and every bad value rejected
/// with its position. The autoscaler that acts on min, max and the delay is not built yet.
/// </summary>
public class NodePoolAutoscalingTests
{
    private const string Head = "apiVersion: ksim.dev/v1alpha1\nkind: NodePool\nmetadata: {name: gpu}\nspec:\n";
    private const string Template = "  template:\n    capacity: {cpu: 8}\n";

    [Fact]
    public void The_settings_and_the_price_are_stored_on_the_pool()
    {
        var scenario = ScenarioFiles.Valid(Head + """
              count: 2
              pricePerHour: 2.48
              autoscaling: {min: 1, max: 8, provisioningDelay: 4m30s, priority: 10}
            """ + "\n" + Template);

        var pool = Assert.Single(scenario.NodePools);
        Assert.Equal(2.48, pool.PricePerHour);
        Assert.Equal(new Cluster.Api.NodePoolAutoscaling(1, 8, DurationDistribution.Constant(SimDuration.FromSeconds(270)), 10), pool.Autoscaling);
    }

    [Fact]
    public void Min_and_priority_default_to_0_the_delay_to_none_and_a_pool_without_autoscaling_has_none()
    {
        var scenario = ScenarioFiles.Valid(Head + "  count: 0\n  autoscaling: {max: 3}\n" + Template);
        Assert.Equal(new Cluster.Api.NodePoolAutoscaling(0, 3, null, 0), Assert.Single(scenario.NodePools).Autoscaling);

        var fixedPool = ScenarioFiles.Valid(Head + "  count: 1\n" + Template);
        Assert.Null(Assert.Single(fixedPool.NodePools).Autoscaling);
        Assert.Equal(0, fixedPool.NodePools[0].PricePerHour);
    }

    [Fact]
    public void The_provisioning_delay_may_be_a_distribution()
    {
        var scenario = ScenarioFiles.Valid(Head + "  count: 0\n  autoscaling: {max: 4, provisioningDelay: {distribution: lognormal, median: 6m, sigma: 0.3}}\n" + Template);

        Assert.Equal(DurationDistribution.LogNormal(SimDuration.FromMinutes(6), 0.3), Assert.Single(scenario.NodePools).Autoscaling!.ProvisioningDelay);
    }

    [Fact]
    public void The_gpu_ready_delay_may_be_a_duration_or_a_distribution_and_is_kept_apart_from_the_provisioning_delay()
    {
        var constant = ScenarioFiles.Valid(Head + "  count: 0\n  autoscaling: {max: 4, provisioningDelay: 3m, gpuReadyDelay: 7m30s}\n" + Template);
        Assert.Equal(
            new Cluster.Api.NodePoolAutoscaling(0, 4, DurationDistribution.Constant(SimDuration.FromMinutes(3)), 0, DurationDistribution.Constant(SimDuration.FromSeconds(450))),
            Assert.Single(constant.NodePools).Autoscaling);

        var distribution = ScenarioFiles.Valid(Head + "  count: 0\n  autoscaling: {max: 4, gpuReadyDelay: {distribution: lognormal, median: 4m, sigma: 0.5}}\n" + Template);
        var autoscaling = Assert.Single(distribution.NodePools).Autoscaling!;
        Assert.Equal(DurationDistribution.LogNormal(SimDuration.FromMinutes(4), 0.5), autoscaling.GpuReadyDelay);
        Assert.Null(autoscaling.ProvisioningDelay);
        Assert.Null(Assert.Single(ScenarioFiles.Valid(Head + "  count: 0\n  autoscaling: {max: 4}\n" + Template).NodePools).Autoscaling!.GpuReadyDelay);
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "min above max",
            Head + "  count: 3\n  autoscaling: {min: 4, max: 2}\n" + Template,
            ["x.yaml:6:30: spec.autoscaling.max: Invalid value: 2: must be greater than or equal to spec.autoscaling.min (4)"]
        },
        {
            "negative min",
            Head + "  count: 0\n  autoscaling: {min: -1, max: 2}\n" + Template,
            ["x.yaml:6:22: spec.autoscaling.min: must be between 0 and 100000, got \"-1\""]
        },
        {
            "count above max",
            Head + "  count: 5\n  autoscaling: {min: 1, max: 4}\n" + Template,
            ["x.yaml:5:10: spec.count: Invalid value: 5: must be between spec.autoscaling.min (1) and spec.autoscaling.max (4)"]
        },
        {
            "count below min",
            Head + "  count: 0\n  autoscaling: {min: 1, max: 4}\n" + Template,
            ["x.yaml:5:10: spec.count: Invalid value: 0: must be between spec.autoscaling.min (1) and spec.autoscaling.max (4)"]
        },
        {
            "max missing",
            Head + "  count: 0\n  autoscaling: {min: 0}\n" + Template,
            ["x.yaml:6:16: spec.autoscaling.max: Required value"]
        },
        {
            "negative price",
            Head + "  count: 1\n  pricePerHour: -0.5\n" + Template,
            ["x.yaml:6:17: spec.pricePerHour: must not be negative, got \"-0.5\""]
        },
        {
            "bad duration",
            Head + "  count: 1\n  autoscaling: {max: 2, provisioningDelay: 5 minutes}\n" + Template,
            ["x.yaml:6:44: spec.autoscaling.provisioningDelay: invalid duration \"5 minutes\": unknown unit \" minutes\" (one of ns, us, ms, s, m, h, d)"]
        },
        {
            "bad delay distribution",
            Head + "  count: 1\n  autoscaling: {max: 2, provisioningDelay: {distribution: exponential}}\n" + Template,
            ["x.yaml:6:44: spec.autoscaling.provisioningDelay.mean: Required value"]
        },
        {
            "bad gpu ready delay",
            Head + "  count: 1\n  autoscaling: {max: 2, gpuReadyDelay: -2m}\n" + Template,
            ["x.yaml:6:40: spec.autoscaling.gpuReadyDelay: must not be negative, got \"-2m\""]
        },
        {
            "bad gpu ready delay distribution",
            Head + "  count: 1\n  autoscaling: {max: 2, gpuReadyDelay: {distribution: lognormal, median: 4m}}\n" + Template,
            ["x.yaml:6:40: spec.autoscaling.gpuReadyDelay.sigma: Required value"]
        },
        {
            "unknown autoscaling field",
            Head + "  count: 1\n  autoscaling: {max: 2, expander: price}\n" + Template,
            ["x.yaml:6:25: spec.autoscaling.expander: unknown field \"expander\" (known: min, max, provisioningDelay, gpuReadyDelay, priority)"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
