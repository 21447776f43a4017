using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// Clusters with autoscaled NodePools for the Cluster Autoscaler's behaviour tests. The autoscaler's
/// loop starts at time 0, so its scans run at 10 s, 20 s, ... and every expected time below is a
/// multiple of 10 s.
/// </summary>
internal static class AutoscalerTestKit
{
    public const long Gi = 1L << 30;

    /// <summary>
    /// An autoscaled pool whose nodes have <paramref name="cpu"/> cores, <paramref name="memoryGi"/> GiB
    /// and <paramref name="gpus"/> GPUs, registering a constant <paramref name="provisioning"/> after the request.
    /// </summary>
    public static NodePool Pool(string name, int min, int max, int count = 0, long cpu = 8, long memoryGi = 32, long gpus = 0,
        string provisioning = "1m", string? gpuReady = null, double price = 0, int priority = 0)
    {
        var resources = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ResourceNames.Cpu] = cpu * 1000,
            [ResourceNames.Memory] = memoryGi * Gi,
        };
        if (gpus > 0) resources[ResourceNames.NvidiaGpu] = gpus;
        var list = ResourceList.From(resources);
        return new NodePool
        {
            Name = name,
            Count = count,
            Capacity = list,
            Allocatable = list,
            PricePerHour = price,
            Autoscaling = new NodePoolAutoscaling(min, max, Constant(provisioning), priority,
                gpuReady is null ? null : Constant(gpuReady)),
        };
    }

    public static DurationDistribution Constant(string duration) => DurationDistribution.Constant(SimDuration.Parse(duration));

    public static TestCluster NewCluster(ulong seed = 1, ClusterAutoscalerSettings? settings = null) =>
        new(new ClusterOptions { Seed = seed, ClusterAutoscaler = settings ?? new ClusterAutoscalerSettings() });

    /// <summary>Registers the pools (for the autoscaler and for billing) and their initial nodes, as a scenario does.</summary>
    public static TestCluster Pools(this TestCluster cluster, params NodePool[] pools)
    {
        foreach (var pool in pools)
        {
            cluster.Sim.Faults.AddNodePool(pool);
            cluster.Sim.Metrics.AddNodePool(pool);
            for (int i = 0; i < pool.Count; i++) cluster.Store.AddNode(pool.NewNode(i));
        }
        return cluster;
    }

    /// <summary>Starts the metrics sampler and the autoscaler's loop at time 0, as <see cref="ClusterSimulation.Run"/> does.</summary>
    public static TestCluster StartAutoscaler(this TestCluster cluster)
    {
        cluster.Engine.RunUntil(SimTime.Zero);
        cluster.Sim.Metrics.Start();
        cluster.Sim.ClusterAutoscaler.Start();
        return cluster;
    }

    public static SimTime Seconds(long s) => SimTime.Zero + SimDuration.FromSeconds(s);

    /// <summary>Every event with <paramref name="reason"/> the autoscaler recorded, in order.</summary>
    public static List<ClusterEvent> AutoscalerEvents(this TestCluster cluster, string reason) =>
        cluster.Sim.Metrics.Events.Where(e => e.Source == Simulator.Cluster.Controllers.ClusterAutoscaler.ClusterAutoscaler.ComponentName && e.Reason == reason).ToList();

    /// <summary>The "nodes removed by cluster autoscaler" events: which node, when.</summary>
    public static List<(string Node, SimTime Time)> Removals(this TestCluster cluster) =>
        cluster.AutoscalerEvents("ScaleDown")
            .Where(e => e.ObjectKind == "Node" && e.Message == "nodes removed by cluster autoscaler")
            .Select(e => (e.ObjectName, e.Time)).ToList();

    public static string[] NodeNames(this TestCluster cluster) => [.. cluster.Store.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal)];

    /// <summary>A pod template labelled app=<paramref name="app"/> requesting the given CPU, memory and GPUs.</summary>
    public static PodTemplate Template(string app, string cpu, string memory = "0", long gpus = 0,
        IReadOnlyDictionary<string, string>? annotations = null, string? preferNode = null, string grace = "30s")
    {
        var requests = new Dictionary<string, long>(StringComparer.Ordinal);
        Assert.True(Quantity.TryParseFor(ResourceNames.Cpu, cpu, out var milli, out var error), error);
        requests[ResourceNames.Cpu] = milli;
        Assert.True(Quantity.TryParseFor(ResourceNames.Memory, memory, out var bytes, out error), error);
        if (bytes > 0) requests[ResourceNames.Memory] = bytes;
        if (gpus > 0) requests[ResourceNames.NvidiaGpu] = gpus;
        var list = ResourceList.From(requests);
        return new PodTemplate
        {
            Labels = new Dictionary<string, string> { ["app"] = app },
            Annotations = annotations ?? ObjectMeta.EmptyMap,
            Spec = new PodSpec
            {
                Containers = [new Container("main", "registry.example/app:1", list, list)],
                TerminationGracePeriod = SimDuration.Parse(grace),
                Affinity = preferNode is null ? NodeAffinity.None : new NodeAffinity(null,
                    [new PreferredSchedulingTerm(100, new NodeSelectorTerm([new NodeSelectorRequirement(NodePool.HostnameLabel, NodeSelectorOperator.In, [preferNode])], []))]),
            },
        };
    }

    public static ReplicaSet CreateReplicaSet(this TestCluster cluster, string name, int replicas, PodTemplate template, string ns = "default")
    {
        var built = new ReplicaSetBuilder(name).Replicas(replicas).Template(template).Build();
        var rs = new ReplicaSet { Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = built.Metadata.Labels }, Spec = built.Spec };
        cluster.Store.ReplicaSets.Create(rs);
        return rs;
    }

    /// <summary>The live (not terminating, not finished) pods labelled app=<paramref name="app"/>.</summary>
    public static List<Pod> LivePods(this TestCluster cluster, string app) =>
        [.. cluster.Store.Pods.Where(p => p.Metadata.Labels.GetValueOrDefault("app") == app && !p.IsTerminating && !p.IsTerminal)];
}

/// <summary>Pod helpers the autoscaler tests need beyond <see cref="PodBuilder"/>.</summary>
internal static class AutoscalerPods
{
    /// <summary>The pod <paramref name="builder"/> builds, with one annotation added.</summary>
    public static Pod Annotated(this PodBuilder builder, string key, string value)
    {
        var pod = builder.Build();
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = pod.Metadata.Name,
                Namespace = pod.Metadata.Namespace,
                Labels = pod.Metadata.Labels,
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value },
            },
            Spec = pod.Spec,
            Workload = pod.Workload,
        };
    }
}
