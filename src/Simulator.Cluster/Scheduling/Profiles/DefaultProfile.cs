using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// kube-scheduler's default plugins and weights (apis/config/v1/default_plugins.go), for the
/// plugins ksim simulates: filters NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
/// NodeResourcesFit, then ksim's GpuShare (per-GPU placement of whole GPUs and ksim.dev/gpu-milli
/// shares, also the one Reserve plugin); scores TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1 (LeastAllocated
/// cpu=1 memory=1), NodeResourcesBalancedAllocation 1; PostFilter DefaultPreemption.
/// </summary>
public static class DefaultProfile
{
    public const string Name = "default";

    public static SchedulerProfile Create(ProfileContext context) =>
        Create(context, Name, ScoringStrategyType.LeastAllocated, NodeResourcesFit.DefaultResources);

    /// <summary>
    /// The default plugins with another NodeResourcesFit scoring strategy, as a
    /// KubeSchedulerConfiguration's <c>pluginConfig</c> for NodeResourcesFit would set it.
    /// </summary>
    public static SchedulerProfile Create(ProfileContext context, string name, ScoringStrategyType strategy, IReadOnlyList<ResourceWeight> scored)
    {
        var taints = new TaintToleration();
        var affinity = new NodeAffinity();
        var fit = new NodeResourcesFit(context.Resources, strategy, scored);
        var balanced = new NodeResourcesBalancedAllocation(context.Resources);
        var gpus = new GpuShare();
        return new SchedulerProfile
        {
            Name = name,
            QueueSort = new PrioritySort(),
            Filters = [new NodeUnschedulable(), new NodeName(), taints, affinity, fit, gpus],
            PostFilters = [new DefaultPreemption(context.RunFilters, context.PodInfoOf)],
            PreScores = [affinity, balanced],
            Scores =
            [
                new WeightedScorePlugin(taints, 3),
                new WeightedScorePlugin(affinity, 2),
                new WeightedScorePlugin(fit, 1),
                new WeightedScorePlugin(balanced, 1),
            ],
            Reserves = [gpus],
        };
    }
}
