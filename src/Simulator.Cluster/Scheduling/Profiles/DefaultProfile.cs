using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// kube-scheduler's default plugins and weights (apis/config/v1/default_plugins.go), for the
/// plugins ksim simulates, in the default multiPoint order: PrioritySort, NodeUnschedulable,
/// NodeName, TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1 (LeastAllocated cpu=1
/// memory=1), then ksim's GpuShare (per-GPU placement of whole GPUs and ksim.dev/gpu-milli
/// shares; a filter and the Reserve that records the GPUs), PodTopologySpread 2 (system default
/// constraints), InterPodAffinity 2, DefaultPreemption,
/// NodeResourcesBalancedAllocation 1.
/// </summary>
public static class DefaultProfile
{
    public const string Name = "default";

    /// <summary>The spec every built-in and configured profile starts from.</summary>
    public static ProfileSpec Spec { get; } = new()
    {
        Name = Name,
        Plugins =
        [
            new PluginEntry(PluginNames.PrioritySort),
            new PluginEntry(PluginNames.NodeUnschedulable),
            new PluginEntry(PluginNames.NodeName),
            new PluginEntry(PluginNames.TaintToleration, 3),
            new PluginEntry(PluginNames.NodeAffinity, 2),
            new PluginEntry(PluginNames.NodeResourcesFit, 1),
            new PluginEntry(GpuShare.PluginName),
            new PluginEntry(PluginNames.PodTopologySpread, 2),
            new PluginEntry(PluginNames.InterPodAffinity, 2),
            new PluginEntry(PluginNames.DefaultPreemption),
            new PluginEntry(PluginNames.NodeResourcesBalancedAllocation, 1),
        ],
    };

    public static SchedulerProfile Create(ProfileContext context) => ProfileBuilder.Build(Spec, context);
}
