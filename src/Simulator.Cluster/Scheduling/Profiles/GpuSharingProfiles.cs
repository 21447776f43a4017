using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// The six policies of the FGD paper (Weng et al., ATC'23, "Beware of Fragmentation: Scheduling
/// GPU-Sharing Workloads with Fragmentation Gradient Descent"), configured as its artifact's
/// KubeSchedulerConfiguration does: the default filters (GpuShare included), every default score
/// plugin disabled, the policy's score plugin alone with weight 1, and percentageOfNodesToScore
/// 100 so that every feasible node is scored. The default score plugins are taken off PreScore
/// too, since their PreScore only prepares their Score. FGD also sets GpuShare's within-node
/// selection to least fragmentation; the others keep best fit, which is also what their own
/// rules choose (tightest GPU for a share, lowest-indexed free GPUs for whole GPUs).
/// </summary>
public static class GpuSharingProfiles
{
    public const string Random = "random";
    public const string DotProduct = "dot-product";
    public const string GpuClustering = "gpu-clustering";
    public const string GpuPacking = "gpu-packing";
    public const string GpuBestFit = "gpu-best-fit";
    public const string Fgd = "fgd";

    public static ProfileSpec RandomSpec { get; } = Only(Random, RandomScore.PluginName);

    public static ProfileSpec DotProductSpec { get; } = Only(DotProduct, DotProductScore.PluginName);

    public static ProfileSpec GpuClusteringSpec { get; } = Only(GpuClustering, GpuClusteringScore.PluginName);

    public static ProfileSpec GpuPackingSpec { get; } = Only(GpuPacking, GpuPackingScore.PluginName);

    public static ProfileSpec GpuBestFitSpec { get; } = Only(GpuBestFit, BestFitScore.PluginName);

    public static ProfileSpec FgdSpec { get; } = Only(Fgd, FgdScore.PluginName)
        .WithArgs(GpuShare.PluginName, new GpuShareArgs(GpuSelection.LeastFragmentation));

    private static ProfileSpec Only(string name, string scorePlugin) =>
        (DefaultProfile.Spec with { Name = name, PercentageOfNodesToScore = 100 })
            .Disable("*", ExtensionPoints.PreScore | ExtensionPoints.Score)
            .Enable(scorePlugin, 1);
}
