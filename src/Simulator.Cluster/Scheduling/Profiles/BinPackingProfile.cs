using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// Bin packing: the default plugins with NodeResourcesFit scoring MostAllocated instead of
/// LeastAllocated, so pods fill the fullest node that fits and whole nodes stay free for large
/// pods (and for the cluster autoscaler to remove). Accelerators weigh 3 against 1 for CPU and
/// memory, as in Kubernetes' resource bin-packing example, so GPUs are packed first; an
/// accelerator a pod does not ask for is left out of its score, as kube-scheduler does.
/// </summary>
public static class BinPackingProfile
{
    public const string Name = "bin-packing";

    /// <summary>The resources scored and their weights.</summary>
    public static IReadOnlyList<ResourceWeight> Resources { get; } =
    [
        new ResourceWeight(ResourceNames.Cpu, 1),
        new ResourceWeight(ResourceNames.Memory, 1),
        new ResourceWeight(ResourceNames.NvidiaGpu, 3),
        new ResourceWeight(ResourceNames.GpuMilli, 3),
        new ResourceWeight(ResourceNames.GoogleTpu, 3),
    ];

    public static ProfileSpec Spec { get; } = (DefaultProfile.Spec with { Name = Name })
        .WithArgs(PluginNames.NodeResourcesFit, new NodeResourcesFitArgs(ScoringStrategyType.MostAllocated, Resources));
}
