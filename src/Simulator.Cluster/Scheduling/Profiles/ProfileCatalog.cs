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

    /// <summary>The stream DefaultPreemption draws its dry run's starting node from (null in bare unit tests: it starts at the first).</summary>
    public Random? PreemptionRandom { get; init; }
}

/// <summary>
/// The built-in scheduler profiles, by name: each is a <see cref="ProfileSpec"/> derived from the
/// default, with the one line <c>ksim profiles</c> and <c>--help</c> show. A new policy is one spec
/// and one line here.
/// </summary>
public static class ProfileCatalog
{
    private static readonly Dictionary<string, (ProfileSpec Spec, string Description)> Entries = new(StringComparer.Ordinal)
    {
        [DefaultProfile.Name] = (DefaultProfile.Spec, "kube-scheduler's default plugins and weights (NodeResourcesFit LeastAllocated over cpu and memory)"),
        [BinPackingProfile.Name] = (BinPackingProfile.Spec, "NodeResourcesFit MostAllocated, accelerators weighted 3: fill the fullest node that fits"),
        [GangProfile.Name] = (GangProfile.Spec, "scheduler-plugins' Coscheduling: a PodGroup's pods bind all together or not at all"),
        [FastestAcceleratorProfile.Name] = (FastestAcceleratorProfile.Spec, "training pods go to the accelerator type that trains their model fastest"),
        [SpreadProfile.Name] = (SpreadProfile.Spec, "NodeResourcesFit LeastAllocated, accelerators weighted 3: use the emptiest node that fits"),
        [GpuSharingProfiles.Random] = (GpuSharingProfiles.RandomSpec, "FGD paper baseline: a random feasible node"),
        [GpuSharingProfiles.DotProduct] = (GpuSharingProfiles.DotProductSpec, "FGD paper baseline: the smallest dot product of free resources and request"),
        [GpuSharingProfiles.GpuClustering] = (GpuSharingProfiles.GpuClusteringSpec, "FGD paper baseline: pods sharing GPUs alike go together"),
        [GpuSharingProfiles.GpuPacking] = (GpuSharingProfiles.GpuPackingSpec, "FGD paper baseline: partly used GPUs first, then used nodes, then idle ones"),
        [GpuSharingProfiles.GpuBestFit] = (GpuSharingProfiles.GpuBestFitSpec, "FGD paper baseline: the node left with the least free CPU and GPU"),
        [GpuSharingProfiles.Fgd] = (GpuSharingProfiles.FgdSpec, "fragmentation gradient descent: the node and GPU whose GPU fragmentation grows least"),
    };

    public static IReadOnlyCollection<string> Names => Entries.Keys;

    public static bool Exists(string name) => Entries.ContainsKey(name);

    public static ProfileSpec Spec(string name) =>
        Entries.TryGetValue(name, out var entry)
            ? entry.Spec
            : throw new ArgumentException($"unknown scheduler profile \"{name}\" (known: {string.Join(", ", Names)})", nameof(name));

    /// <summary>What the profile does, in one line.</summary>
    public static string Description(string name) => Entries.TryGetValue(name, out var entry) ? entry.Description : "";

    public static SchedulerProfile Create(string name, ProfileContext context) => ProfileBuilder.Build(Spec(name), context);
}
