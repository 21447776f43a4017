using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>Builds one plugin instance for one profile, from the profile's context and the plugin's args (null = defaults).</summary>
public delegate IPlugin PluginFactory(ProfileContext context, PluginArgs? args);

/// <summary>
/// Every plugin ksim knows, by its kube-scheduler name (the in-tree registry,
/// pkg/scheduler/framework/plugins/registry.go). A new policy is one class in
/// <c>Scheduling/Plugins/</c> and one line here; profiles and KubeSchedulerConfiguration documents
/// then name it.
/// </summary>
public static class PluginRegistry
{
    private static readonly Dictionary<string, PluginFactory> Factories = new(StringComparer.Ordinal)
    {
        [PluginNames.PrioritySort] = (_, _) => new PrioritySort(),
        [PluginNames.NodeUnschedulable] = (_, _) => new NodeUnschedulable(),
        [PluginNames.NodeName] = (_, _) => new NodeName(),
        [PluginNames.TaintToleration] = (_, _) => new TaintToleration(),
        [PluginNames.NodeAffinity] = (_, _) => new NodeAffinity(),
        [PluginNames.NodeResourcesFit] = (c, a) => NodeResourcesFit.Create(c.Resources, a as NodeResourcesFitArgs),
        [GpuShare.PluginName] = (c, a) => new GpuShare(GpuShareArgs.SelectorFor(a as GpuShareArgs, c)),
        [PluginNames.PodTopologySpread] = (c, a) => new PodTopologySpread(a as PodTopologySpreadArgs, c.Store, c.Nodes),
        [PluginNames.InterPodAffinity] = (c, _) => new InterPodAffinity(c.Nodes, c.AffinityTally),
        [PluginNames.DefaultPreemption] = (c, _) => new DefaultPreemption(c.RunFilters, c.PodInfoOf,
            c.Store is { } store ? new Disruption.DisruptionBudgets(store) : null, c.PreemptionRandom),
        [PluginNames.NodeResourcesBalancedAllocation] = (c, _) => new NodeResourcesBalancedAllocation(c.Resources),
        [FastestAccelerator.PluginName] = (c, _) => new FastestAccelerator(c.Throughput),
        [Coscheduling.PluginName] = (c, _) => new Coscheduling(
            c.Store ?? throw new ArgumentException("Coscheduling reads PodGroups from the cluster store", nameof(c)), c.WaitingPods),
        [FgdScore.PluginName] = (c, _) => new FgdScore(c.TargetWorkload, c.Nodes),
        [DotProductScore.PluginName] = (_, _) => new DotProductScore(),
        [GpuClusteringScore.PluginName] = (c, _) => new GpuClusteringScore(c.Nodes),
        [GpuPackingScore.PluginName] = (_, _) => new GpuPackingScore(),
        [BestFitScore.PluginName] = (_, _) => new BestFitScore(),
        [RandomScore.PluginName] = (c, _) => new RandomScore(c.Random),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool Exists(string name) => Factories.ContainsKey(name);

    public static IPlugin Create(string name, ProfileContext context, PluginArgs? args) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(context, args)
            : throw new ArgumentException($"unknown scheduler plugin \"{name}\" (known: {string.Join(", ", Names.Order(StringComparer.Ordinal))})", nameof(name));
}
