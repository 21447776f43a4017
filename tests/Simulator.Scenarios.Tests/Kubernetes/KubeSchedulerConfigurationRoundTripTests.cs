using FsCheck.Xunit;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Scenarios.Kubernetes;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>
/// Profile specs printed as KubeSchedulerConfiguration read back into equal specs: every
/// built-in profile that a configuration can express, and configured profiles with pluginConfig.
/// </summary>
public class KubeSchedulerConfigurationRoundTripTests
{
    public static TheoryData<string> BuiltIns => [.. ProfileCatalog.Names.Where(n => n != FastestAcceleratorProfile.Name).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<ProfileSpec> ReadBack(string yaml) => ScenarioFiles.Valid(yaml).ConfiguredProfiles;

    private static void AssertSameSpec(ProfileSpec expected, ProfileSpec actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Plugins, actual.Plugins);
        Assert.Equal(expected.PercentageOfNodesToScore, actual.PercentageOfNodesToScore);
        Assert.Equal(expected.Args.Keys.Order(StringComparer.Ordinal), actual.Args.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, args) in expected.Args)
        {
            if (args is PodTopologySpreadArgs spread)
            {
                var read = Assert.IsType<PodTopologySpreadArgs>(actual.Args[name]);
                Assert.Equal(spread.DefaultingType, read.DefaultingType);
                Assert.Equal(spread.DefaultConstraints, read.DefaultConstraints);
                continue;
            }
            if (args is GpuShareArgs gpus)
            {
                Assert.Equal(gpus, Assert.IsType<GpuShareArgs>(actual.Args[name]));
                continue;
            }
            var e = Assert.IsType<NodeResourcesFitArgs>(args);
            var a = Assert.IsType<NodeResourcesFitArgs>(actual.Args[name]);
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Resources, a.Resources);
            Assert.Equal(e.Shape ?? [], a.Shape ?? []);
        }
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_profile_reads_back_equal(string name)
    {
        var spec = ProfileCatalog.Spec(name);
        var yaml = KubeSchedulerConfigurationWriter.Write([spec]);
        AssertSameSpec(spec, Assert.Single(ReadBack(yaml)));
        // Printing what was read prints the same text.
        Assert.Equal(yaml, KubeSchedulerConfigurationWriter.Write(ReadBack(yaml)));
    }

    [Fact]
    public void Built_ins_print_as_what_they_change_in_the_defaults()
    {
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

            """.Replace("\r\n", "\n", StringComparison.Ordinal), KubeSchedulerConfigurationWriter.Write([GangProfile.Spec]));
        Assert.Equal("""
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: default

            """.Replace("\r\n", "\n", StringComparison.Ordinal), KubeSchedulerConfigurationWriter.Write([DefaultProfile.Spec]));
    }

    [Fact]
    public void The_fastest_accelerator_weight_is_beyond_what_a_configuration_allows()
    {
        // 1101 = one more than the other score plugins' 11 x 100: why it is a built-in.
        var errors = ScenarioFiles.Errors(KubeSchedulerConfigurationWriter.Write([FastestAcceleratorProfile.Spec]));
        Assert.Equal("x.yaml:9:17: profiles[0].plugins.multiPoint.enabled[0].weight: Invalid value: 1101: plugin weight not in valid range [1, 100]", Assert.Single(errors));
    }

    [Fact]
    public void A_configuration_with_two_profiles_rtcr_and_point_settings_reads_back_equal()
    {
        const string yaml = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            percentageOfNodesToScore: 30
            profiles:
            - schedulerName: default-scheduler
              plugins:
                filter:
                  disabled: [{name: TaintToleration}]
                score:
                  enabled: [{name: NodeAffinity, weight: 5}]
            - schedulerName: packer
              percentageOfNodesToScore: 100
              plugins:
                multiPoint:
                  disabled: [{name: NodeResourcesBalancedAllocation}]
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: RequestedToCapacityRatio
                    resources: [{name: cpu, weight: 2}, {name: nvidia.com/gpu}]
                    requestedToCapacityRatio:
                      shape: [{utilization: 0, score: 0}, {utilization: 80, score: 10}, {utilization: 100, score: 5}]
            """;
        var specs = ReadBack(yaml);
        Assert.Equal(["default-scheduler", "packer"], specs.Select(s => s.Name));
        Assert.Equal(30, specs[0].PercentageOfNodesToScore);
        Assert.Equal(100, specs[1].PercentageOfNodesToScore);
        var fit = Assert.IsType<NodeResourcesFitArgs>(specs[1].Args[PluginNames.NodeResourcesFit]);
        Assert.Equal([new ResourceWeight("cpu", 2), new ResourceWeight("nvidia.com/gpu", 1)], fit.Resources); // weight 0 defaults to 1
        Assert.Equal([new UtilizationShapePoint(0, 0), new UtilizationShapePoint(80, 10), new UtilizationShapePoint(100, 5)], fit.Shape!);
        Assert.DoesNotContain(specs[1].Plugins, p => p.Name == PluginNames.NodeResourcesBalancedAllocation);

        var again = ReadBack(KubeSchedulerConfigurationWriter.Write(specs));
        Assert.Equal(2, again.Count);
        AssertSameSpec(specs[0], again[0]);
        AssertSameSpec(specs[1], again[1]);
    }

    /// <summary>
    /// Any profile derived from the defaults (plugins dropped, taken off some points, reweighted,
    /// a score plugin added) prints as a configuration that reads back into the same spec.
    /// PrioritySort is left alone so that the profile keeps its one queue sort.
    /// </summary>
    [Property(MaxTest = 200)]
    public void Derived_profiles_read_back_equal(byte[] choices, bool addScorePlugin, byte addedWeight, byte percentage)
    {
        var spec = DefaultProfile.Spec with { Name = "derived", PercentageOfNodesToScore = percentage % 101 };
        int c = 0;
        byte Next() => choices.Length == 0 ? (byte)0 : choices[c++ % choices.Length];
        foreach (var entry in DefaultProfile.Spec.Plugins)
        {
            if (entry.Name == PluginNames.PrioritySort) continue;
            byte choice = Next();
            if (choice % 5 == 0) spec = spec.Disable(entry.Name);
            else if (choice % 5 == 1) spec = spec.Disable(entry.Name, (ExtensionPoints)(Next() & (int)ExtensionPoints.All & ~(int)ExtensionPoints.QueueSort));
            else if (choice % 5 == 2 && entry.Weight > 0) spec = spec.Enable(entry.Name, 1 + Next() % 100);
        }
        if (addScorePlugin) spec = spec.Enable(FastestAccelerator.PluginName, 1 + addedWeight % 100);

        var back = ReadBack(KubeSchedulerConfigurationWriter.Write([spec]));
        AssertSameSpec(spec, Assert.Single(back));
    }
}
