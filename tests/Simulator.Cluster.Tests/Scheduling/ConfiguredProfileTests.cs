using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>
/// A KubeSchedulerConfiguration profile merged into the defaults as kube-scheduler's
/// mergePluginSet and expandMultiPointPlugins do.
/// </summary>
public class ConfiguredProfileTests
{
    private static ProfileSpec Merge(params PluginSet[] sets) =>
        ConfiguredProfile.Merge(DefaultProfile.Spec, "p", sets, new Dictionary<string, PluginArgs>(), 0);

    private static PluginEntry Entry(ProfileSpec spec, string name) => spec.Plugins.Single(p => p.Name == name);

    [Fact]
    public void No_plugins_section_is_the_default_profile()
    {
        var spec = Merge();
        Assert.Equal(DefaultProfile.Spec.Plugins, spec.Plugins);
        Assert.Equal("p", spec.Name);
    }

    [Fact]
    public void Re_enabling_a_default_at_multiPoint_replaces_it_in_place_weight_included()
    {
        // TaintToleration's default weight 3 is replaced by the entry's (none given: 0, built as 1).
        var spec = Merge(new PluginSet(ExtensionPoints.All, [new EnabledPlugin(PluginNames.TaintToleration)], []));
        Assert.Equal(DefaultProfile.Spec.Plugins.Select(p => p.Name), spec.Plugins.Select(p => p.Name));
        Assert.Equal(new PluginEntry(PluginNames.TaintToleration, 0, ExtensionPoints.All), Entry(spec, PluginNames.TaintToleration));
    }

    [Fact]
    public void Star_at_multiPoint_drops_every_default_and_keeps_only_what_is_enabled()
    {
        var spec = Merge(new PluginSet(ExtensionPoints.All,
            [new EnabledPlugin(PluginNames.PrioritySort), new EnabledPlugin(PluginNames.NodeResourcesFit, 5)], [PluginSet.All]));
        Assert.Equal(
            [new PluginEntry(PluginNames.PrioritySort, 0, ExtensionPoints.All), new PluginEntry(PluginNames.NodeResourcesFit, 5, ExtensionPoints.All)],
            spec.Plugins);
    }

    [Fact]
    public void Disabling_at_one_point_keeps_the_plugin_at_the_others()
    {
        var spec = Merge(new PluginSet(ExtensionPoints.Filter, [], [PluginNames.TaintToleration]));
        Assert.Equal(ExtensionPoints.All & ~ExtensionPoints.Filter, Entry(spec, PluginNames.TaintToleration).At);
        Assert.Equal(3, Entry(spec, PluginNames.TaintToleration).Weight);
    }

    [Fact]
    public void A_score_weight_given_at_score_wins_over_multiPoint_and_defaults_to_1()
    {
        var spec = Merge(
            new PluginSet(ExtensionPoints.All, [new EnabledPlugin(PluginNames.NodeAffinity, 7)], []),
            new PluginSet(ExtensionPoints.Score, [new EnabledPlugin(PluginNames.NodeAffinity, 9), new EnabledPlugin(PluginNames.TaintToleration)], []));
        Assert.Equal(9, Entry(spec, PluginNames.NodeAffinity).Weight);
        Assert.Equal(1, Entry(spec, PluginNames.TaintToleration).Weight);
    }

    [Fact]
    public void A_plugin_enabled_only_at_some_points_comes_after_the_defaults_at_those_points()
    {
        // scheduler-plugins' README way of enabling Coscheduling, point by point.
        var spec = Merge(
            new PluginSet(ExtensionPoints.QueueSort, [new EnabledPlugin(Coscheduling.PluginName)], [PluginSet.All]),
            new PluginSet(ExtensionPoints.PreFilter, [new EnabledPlugin(Coscheduling.PluginName)], []),
            new PluginSet(ExtensionPoints.Permit, [new EnabledPlugin(Coscheduling.PluginName)], []));
        Assert.Equal(new PluginEntry(Coscheduling.PluginName, 0, ExtensionPoints.QueueSort | ExtensionPoints.PreFilter | ExtensionPoints.Permit), spec.Plugins[^1]);
        Assert.Equal(ExtensionPoints.All & ~ExtensionPoints.QueueSort, Entry(spec, PluginNames.PrioritySort).At);
    }

    [Fact]
    public void The_gang_built_in_is_the_same_profile_as_its_configuration()
    {
        var spec = Merge(new PluginSet(ExtensionPoints.All, [new EnabledPlugin(Coscheduling.PluginName)], [PluginNames.PrioritySort]));
        Assert.Equal(GangProfile.Spec.Plugins, spec.Plugins);
    }
}
