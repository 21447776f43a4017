using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>
/// Scenario.spec.clusterAutoscaler: every CA flag ksim models is read onto the scenario over CA's
/// defaults, and every bad value is rejected at its position with the field's path.
/// </summary>
public class ClusterAutoscalerSettingsTests
{
    // The fields start at line 6, indented by four spaces.
    private const string Head = "apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: ca}\nspec:\n  clusterAutoscaler:\n";

    [Fact]
    public void Every_field_is_read_over_the_defaults()
    {
        var scenario = ScenarioFiles.Valid(Head + """
                expander: priority,least-waste
                scanInterval: 30s
                scaleDownEnabled: false
                scaleDownUnneededTime: 5m
                scaleDownUnreadyTime: 30m
                scaleDownUtilizationThreshold: 0.7
                scaleDownGpuUtilizationThreshold: 0.25
                scaleDownDelayAfterAdd: 20m
                scaleDownDelayAfterDelete: 1m
                scaleDownDelayAfterFailure: 90s
                maxNodeProvisionTime: 25m
                maxGracefulTerminationSec: 120
                maxScaleDownParallelism: 4
                maxDrainParallelism: 2
            """);

        var expected = new ClusterAutoscalerSettings
        {
            Expander = "priority,least-waste",
            ScanInterval = SimDuration.FromSeconds(30),
            ScaleDownEnabled = false,
            ScaleDownUnneededTime = SimDuration.FromMinutes(5),
            ScaleDownUnreadyTime = SimDuration.FromMinutes(30),
            ScaleDownUtilizationThreshold = 0.7,
            ScaleDownGpuUtilizationThreshold = 0.25,
            ScaleDownDelayAfterAdd = SimDuration.FromMinutes(20),
            ScaleDownDelayAfterDelete = SimDuration.FromMinutes(1),
            ScaleDownDelayAfterFailure = SimDuration.FromSeconds(90),
            MaxNodeProvisionTime = SimDuration.FromMinutes(25),
            MaxGracefulTermination = SimDuration.FromSeconds(120),
            MaxScaleDownParallelism = 4,
            MaxDrainParallelism = 2,
        };
        Assert.Equal(expected, scenario.ClusterAutoscaler);
    }

    [Fact]
    public void Absent_fields_and_an_absent_section_keep_cas_defaults()
    {
        var some = ScenarioFiles.Valid(Head + "    expander: price\n    maxGracefulTerminationSec: 0\n");
        Assert.Equal(new ClusterAutoscalerSettings { Expander = "price", MaxGracefulTermination = SimDuration.Zero }, some.ClusterAutoscaler);

        var none = ScenarioFiles.Valid("apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: ca}\nspec: {seed: 3}\n");
        Assert.Equal(new ClusterAutoscalerSettings(), none.ClusterAutoscaler);
        // CA's defaults (the reference's flag table): least-waste, 10 s, 10 min, 0.5, 10 min, 15 min, 600 s, 10, 1.
        Assert.Equal(
            ("least-waste", SimDuration.FromSeconds(10), true, SimDuration.FromMinutes(10), 0.5, 0.5),
            (none.ClusterAutoscaler.Expander, none.ClusterAutoscaler.ScanInterval, none.ClusterAutoscaler.ScaleDownEnabled,
                none.ClusterAutoscaler.ScaleDownUnneededTime, none.ClusterAutoscaler.ScaleDownUtilizationThreshold, none.ClusterAutoscaler.ScaleDownGpuUtilizationThreshold));
        Assert.Equal(
            (SimDuration.FromMinutes(10), SimDuration.Zero, SimDuration.FromMinutes(3), SimDuration.FromMinutes(15), SimDuration.FromSeconds(600), 10, 1),
            (none.ClusterAutoscaler.ScaleDownDelayAfterAdd, none.ClusterAutoscaler.ScaleDownDelayAfterDelete, none.ClusterAutoscaler.ScaleDownDelayAfterFailure,
                none.ClusterAutoscaler.MaxNodeProvisionTime, none.ClusterAutoscaler.MaxGracefulTermination,
                none.ClusterAutoscaler.MaxScaleDownParallelism, none.ClusterAutoscaler.MaxDrainParallelism));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("0.05", 0.05)]
    public void A_threshold_may_be_anything_from_0_to_1_inclusive(string text, double expected)
    {
        var scenario = ScenarioFiles.Valid(Head + $"    scaleDownUtilizationThreshold: {text}\n");
        Assert.Equal(expected, scenario.ClusterAutoscaler.ScaleDownUtilizationThreshold);
    }

    [Fact]
    public void The_run_options_expander_replaces_the_scenarios_and_the_rest_reaches_the_cluster()
    {
        var scenario = ScenarioFiles.Valid(Head + "    expander: priority\n    scanInterval: 1m\n");

        var fromScenario = ScenarioRunner.Build(scenario, new RunOptions());
        var overridden = ScenarioRunner.Build(scenario, new RunOptions { Expander = "most-pods,random" });

        Assert.Equal(scenario.ClusterAutoscaler, fromScenario.Options.ClusterAutoscaler);
        Assert.Equal(scenario.ClusterAutoscaler with { Expander = "most-pods,random" }, overridden.Options.ClusterAutoscaler);
        Assert.Equal(SimDuration.FromMinutes(1), overridden.Options.ClusterAutoscaler.ScanInterval);
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "unknown expander, close to a known one",
            Head + "    expander: priority,least-wast\n",
            ["x.yaml:6:15: spec.clusterAutoscaler.expander: unknown expander \"least-wast\" (known: least-nodes, least-waste, most-pods, price, priority, random); did you mean \"least-waste\"?"]
        },
        {
            "unknown expander, close to none",
            Head + "    expander: grpc\n",
            ["x.yaml:6:15: spec.clusterAutoscaler.expander: unknown expander \"grpc\" (known: least-nodes, least-waste, most-pods, price, priority, random)"]
        },
        {
            "repeated expander",
            Head + "    expander: price,priority,price\n",
            ["x.yaml:6:15: spec.clusterAutoscaler.expander: expander \"price\" is given more than once; each expander may be used once"]
        },
        {
            "empty expander name",
            Head + "    expander: \"price,\"\n",
            ["x.yaml:6:15: spec.clusterAutoscaler.expander: empty expander name in \"price,\" (known: least-nodes, least-waste, most-pods, price, priority, random)"]
        },
        {
            "threshold above 1",
            Head + "    scaleDownUtilizationThreshold: 1.5\n",
            ["x.yaml:6:36: spec.clusterAutoscaler.scaleDownUtilizationThreshold: must be between 0 and 1, got \"1.5\""]
        },
        {
            "negative GPU threshold",
            Head + "    scaleDownGpuUtilizationThreshold: -0.1\n",
            ["x.yaml:6:39: spec.clusterAutoscaler.scaleDownGpuUtilizationThreshold: must not be negative, got \"-0.1\""]
        },
        {
            "negative duration",
            Head + "    scaleDownUnneededTime: -5m\n",
            ["x.yaml:6:28: spec.clusterAutoscaler.scaleDownUnneededTime: must not be negative, got \"-5m\""]
        },
        {
            "zero scan interval",
            Head + "    scanInterval: 0s\n",
            ["x.yaml:6:19: spec.clusterAutoscaler.scanInterval: must be greater than 0, got \"0s\""]
        },
        {
            "zero max node provision time",
            Head + "    maxNodeProvisionTime: 0\n",
            ["x.yaml:6:27: spec.clusterAutoscaler.maxNodeProvisionTime: must be greater than 0, got \"0\""]
        },
        {
            "graceful termination as a duration instead of seconds",
            Head + "    maxGracefulTerminationSec: 10m\n",
            ["x.yaml:6:32: spec.clusterAutoscaler.maxGracefulTerminationSec: must be an integer, got \"10m\""]
        },
        {
            "negative graceful termination",
            Head + "    maxGracefulTerminationSec: -1\n",
            ["x.yaml:6:32: spec.clusterAutoscaler.maxGracefulTerminationSec: must be between 0 and 2147483647, got \"-1\""]
        },
        {
            "scale-down parallelism 0",
            Head + "    maxScaleDownParallelism: 0\n",
            ["x.yaml:6:30: spec.clusterAutoscaler.maxScaleDownParallelism: must be between 1 and 2147483647, got \"0\""]
        },
        {
            "drain parallelism 0",
            Head + "    maxDrainParallelism: 0\n",
            ["x.yaml:6:26: spec.clusterAutoscaler.maxDrainParallelism: must be between 1 and 2147483647, got \"0\""]
        },
        {
            "scaleDownEnabled not a bool",
            Head + "    scaleDownEnabled: sometimes\n",
            ["x.yaml:6:23: spec.clusterAutoscaler.scaleDownEnabled: must be true or false, got \"sometimes\""]
        },
        {
            "unknown field, close to a known one",
            Head + "    scaleDownUnneededTme: 5m\n",
            ["x.yaml:6:5: spec.clusterAutoscaler.scaleDownUnneededTme: unknown field \"scaleDownUnneededTme\"; did you mean \"scaleDownUnneededTime\"?"]
        },
        {
            "CA's flag spelling instead of camelCase",
            Head + "    scan-interval: 10s\n",
            ["x.yaml:6:5: spec.clusterAutoscaler.scan-interval: unknown field \"scan-interval\"; did you mean \"scanInterval\"?"]
        },
        {
            "not a map",
            "apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: ca}\nspec:\n  clusterAutoscaler: least-waste\n",
            ["x.yaml:5:22: spec.clusterAutoscaler: expected a map, got \"least-waste\""]
        },
        {
            "every bad field is reported, not just the first",
            Head + "    maxDrainParallelism: 0\n    expander: pricey\n",
            [
                "x.yaml:6:26: spec.clusterAutoscaler.maxDrainParallelism: must be between 1 and 2147483647, got \"0\"",
                "x.yaml:7:15: spec.clusterAutoscaler.expander: unknown expander \"pricey\" (known: least-nodes, least-waste, most-pods, price, priority, random); did you mean \"price\"?",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
