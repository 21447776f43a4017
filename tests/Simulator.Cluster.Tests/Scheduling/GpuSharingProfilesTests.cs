using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>The FGD paper's six policies as profiles: default filters, their score plugin alone, every node scored.</summary>
public class GpuSharingProfilesTests
{
    private static SchedulerProfile Build(string name)
    {
        var index = new ResourceIndex();
        return ProfileCatalog.Create(name, new ProfileContext(index, (_, _) => Status.Success, p => new PodInfo(p, index), ThroughputTable.Default));
    }

    [Theory]
    [InlineData("random", RandomScore.PluginName)]
    [InlineData("dot-product", DotProductScore.PluginName)]
    [InlineData("gpu-clustering", GpuClusteringScore.PluginName)]
    [InlineData("gpu-packing", GpuPackingScore.PluginName)]
    [InlineData("gpu-best-fit", BestFitScore.PluginName)]
    [InlineData("fgd", FgdScore.PluginName)]
    public void Each_profile_keeps_the_default_filters_scores_only_with_its_policy_and_scores_every_node(string name, string plugin)
    {
        var profile = Build(name);
        var defaults = Build("default");

        Assert.Equal(name, profile.Name);
        Assert.Equal([plugin], profile.Scores.Select(s => s.Plugin.Name));
        Assert.Equal(1, profile.Scores[0].Weight);
        Assert.Equal(100, profile.PercentageOfNodesToScore);
        Assert.Equal(defaults.Filters.Select(f => f.Name), profile.Filters.Select(f => f.Name));
        Assert.Equal(defaults.Reserves.Select(r => r.Name), profile.Reserves.Select(r => r.Name));
        Assert.All(profile.PreScores, p => Assert.Equal(plugin, p.Name));
        Assert.Equal(1_000, NodeSampling.NumFeasibleNodesToFind(profile.PercentageOfNodesToScore, 1_000));
    }

    [Fact]
    public void Only_FGD_changes_how_GpuShare_picks_GPUs_and_only_with_a_target_workload()
    {
        static IGpuSelector SelectorOf(SchedulerProfile p) => p.Reserves.OfType<GpuShare>().Single().Selector;
        var index = new ResourceIndex();
        var withWorkload = new ProfileContext(index, (_, _) => Status.Success, p => new PodInfo(p, index), ThroughputTable.Default)
        {
            TargetWorkload = new([new(new(0, 500, 1, ""), 1.0)]),
        };

        Assert.IsType<Cluster.Scheduling.Fragmentation.LeastFragmentationGpuSelector>(SelectorOf(ProfileCatalog.Create("fgd", withWorkload)));
        Assert.IsType<BestFitGpuSelector>(SelectorOf(Build("fgd")));
        Assert.IsType<BestFitGpuSelector>(SelectorOf(ProfileCatalog.Create("gpu-packing", withWorkload)));
    }
}
