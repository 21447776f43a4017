using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// What a profile's plugins get: the resource index, the preemption hooks into the scheduler,
/// the training throughput table (for heterogeneity-aware scoring), the store and the waiting
/// pods (for gangs), and the target workload (for fragmentation-aware GPU policies).
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

    /// <summary>The pod shapes the cluster expects (FGD's target workload); null when the scenario gives none.</summary>
    public Fragmentation.TargetWorkload? TargetWorkload { get; init; }

    /// <summary>Every node in the scheduler's cache (the snapshot's node list), for plugins that count over all domains.</summary>
    public IReadOnlyList<NodeInfo> Nodes { get; init; } = [];

    /// <summary>Cluster-wide counts of pods with pod (anti-)affinity (null in bare unit tests: summed from <see cref="Nodes"/>).</summary>
    public PodAffinityTally? AffinityTally { get; init; }

    /// <summary>A random stream for policies that choose at random (the scheduler's own; null in bare unit tests).</summary>
    public Random? Random { get; init; }
}

/// <summary>
/// The built-in scheduler profiles, by name: each is a <see cref="ProfileSpec"/> derived from the
/// default. A new policy is one spec and one line here.
/// </summary>
public static class ProfileCatalog
{
    private static readonly Dictionary<string, ProfileSpec> Specs = new(StringComparer.Ordinal)
    {
        [DefaultProfile.Name] = DefaultProfile.Spec,
        [BinPackingProfile.Name] = BinPackingProfile.Spec,
        [GangProfile.Name] = GangProfile.Spec,
        [FastestAcceleratorProfile.Name] = FastestAcceleratorProfile.Spec,
        [SpreadProfile.Name] = SpreadProfile.Spec,
    };

    public static IReadOnlyCollection<string> Names => Specs.Keys;

    public static bool Exists(string name) => Specs.ContainsKey(name);

    public static ProfileSpec Spec(string name) =>
        Specs.TryGetValue(name, out var spec)
            ? spec
            : throw new ArgumentException($"unknown scheduler profile \"{name}\" (known: {string.Join(", ", Names)})", nameof(name));

    public static SchedulerProfile Create(string name, ProfileContext context) => ProfileBuilder.Build(Spec(name), context);
}
