using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// What a profile factory gets: the resource index, the preemption hooks into the scheduler, and
/// the training throughput table (for heterogeneity-aware scoring).
/// </summary>
public sealed record ProfileContext(
    ResourceIndex Resources,
    Func<PodInfo, NodeInfo, Status> RunFilters,
    Func<Api.Pod, PodInfo> PodInfoOf,
    Workloads.Training.ThroughputTable Throughput)
{
    /// <summary>The API objects plugins read (PodGroups, sibling pods), as kube-scheduler plugins read informers; null in bare unit tests.</summary>
    public global::Simulator.Cluster.Store.ClusterStore? Store { get; init; }

    /// <summary>The pods held at Permit (the framework Handle's waiting-pods view).</summary>
    public IWaitingPods WaitingPods { get; init; } = new WaitingPodMap();
}

/// <summary>
/// The built-in scheduler profiles, by name. A new policy is one factory and one line here.
/// </summary>
public static class ProfileCatalog
{
    private static readonly Dictionary<string, Func<ProfileContext, SchedulerProfile>> Factories = new(StringComparer.Ordinal)
    {
        ["default"] = DefaultProfile.Create,
        ["bin-packing"] = BinPackingProfile.Create,
        ["gang"] = GangProfile.Create,
        ["fastest-accelerator"] = FastestAcceleratorProfile.Create,
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool Exists(string name) => Factories.ContainsKey(name);

    public static SchedulerProfile Create(string name, ProfileContext context) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(context)
            : throw new ArgumentException($"unknown scheduler profile \"{name}\" (known: {string.Join(", ", Names)})", nameof(name));
}
