using Simulator.Cluster;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Engine;

namespace Simulator.Benchmarks.Autoscaling;

/// <summary>What one Cluster Autoscaler scan has to do in a benchmark case.</summary>
public enum AutoscalerCase
{
    /// <summary>Every node full, pending pods marked Unschedulable: FilterOutSchedulable over every node, then the binpacking estimator per group.</summary>
    ScaleUp,

    /// <summary>One node in five under-utilized with 1-3 movable pods: the drain simulation looks for room for each.</summary>
    ScaleDown,

    /// <summary>Every node busy (75 %), nothing pending: the cost of a scan with nothing to do.</summary>
    Steady,
}

/// <summary>
/// A cluster for measuring one Cluster Autoscaler scan (<c>ClusterAutoscaler.RunOnce</c>), built
/// once through the store: four autoscaled NodePools (two CPU, two GPU tainted for GPU pods), 40 %
/// 8-core, 30 % 32-core, 15 % 8×A100 and 15 % 4×T4 nodes, interleaved in the store so no pool is
/// at the front of the node list. Busy nodes carry pods of 20 Deployment-owned apps, pinned by
/// spec.nodeName (so the layout is exact and setup skips the scheduler), each app covered by a
/// PodDisruptionBudget (maxUnavailable 10 %). The pods run for 5 virtual minutes (Running and
/// Ready, so budgets count them) before the autoscaler starts; the scan is then taken at that
/// instant, never advancing the clock, so nodes found unneeded are never old enough to be removed.
/// </summary>
internal sealed class AutoscalerWorkload
{
    public const int Apps = 20;
    private const long GiB = 1L << 30;

    /// <summary>The pools' shapes: name, share of the nodes, cores, memory GiB, GPUs, price per hour.</summary>
    private static readonly (string Name, int PerThousand, long Cores, long MemoryGiB, int Gpus, double Price)[] Shapes =
    [
        ("cpu-8", 400, 8, 32, 0, 0.40),
        ("cpu-32", 300, 32, 128, 0, 1.60),
        ("gpu-a100", 150, 96, 1152, 8, 32.0),
        ("gpu-t4", 150, 48, 192, 4, 4.0),
    ];

    private static readonly Toleration GpuToleration = new(ResourceNames.NvidiaGpu, TolerationOperator.Exists, "", TaintEffect.NoSchedule);

    private readonly Random _random;
    private readonly NodePool[] _pools;
    private int _podsMade;

    /// <param name="nodes">Cluster size (pools keep their shares).</param>
    /// <param name="kind">Which scan path the layout exercises.</param>
    /// <param name="pending">Pods marked Unschedulable for <see cref="AutoscalerCase.ScaleUp"/>; 1 in 60 fits no template (NotTriggerScaleUp).</param>
    /// <param name="budgets">Create the apps' PodDisruptionBudgets (CA reads every budget's disruptionsAllowed on every scan).</param>
    public AutoscalerWorkload(int nodes, AutoscalerCase kind, int pending = 300, bool budgets = true, int seed = 42)
    {
        _random = new Random(seed);
        Kind = kind;
        Sim = new ClusterSimulation(new ClusterOptions { Seed = (ulong)seed });
        // The last pool takes the rounding, so the pools add up to exactly the nodes asked for.
        _pools = [.. Shapes.Select((s, i) => Pool(s, i < Shapes.Length - 1 ? nodes * s.PerThousand / 1000 : nodes - Shapes[..^1].Sum(o => nodes * o.PerThousand / 1000)))];
        foreach (var pool in _pools) Sim.Faults.AddNodePool(pool);
        foreach (var pool in _pools) Sim.Metrics.AddNodePool(pool);

        var layout = Interleave(nodes);
        for (int i = 0; i < layout.Count; i++) Sim.Store.AddNode(layout[i].NewNode(i));
        Sim.Engine.RunUntil(SimTime.Zero);
        if (budgets)
            for (int app = 0; app < Apps; app++) Sim.Store.PodDisruptionBudgets.Create(Budget(app));
        for (int i = 0; i < layout.Count; i++)
        {
            var pool = layout[i];
            bool underUsed = kind == AutoscalerCase.ScaleDown && i % 5 == 2;
            Fill(pool, pool.NodeName(i), underUsed ? Light : kind == AutoscalerCase.ScaleUp ? Full : Busy);
        }
        Sim.Engine.RunUntil(SimTime.Zero + SimDuration.FromMinutes(5));
        if (kind == AutoscalerCase.ScaleUp)
        {
            for (int i = 0; i < pending; i++) Sim.Store.CreatePod(PendingPod(i));
            Sim.Engine.RunUntil(Sim.Engine.Now);
        }
        Sim.ClusterAutoscaler.Start();
        // Scans happen a minute on: CA waits until the oldest pending GPU pod is 30 s old.
        Now = Sim.Engine.Now + SimDuration.FromMinutes(1);
        if (Sim.ClusterAutoscaler.Groups.Count != _pools.Length) throw new InvalidOperationException("every pool should be a node group");
        Verify();
    }

    /// <summary>Throws unless a scan takes the path the case is for: nodes requested; unneeded nodes it may remove (it stays busy); nothing at all.</summary>
    private void Verify()
    {
        Scan();
        int requested = Autoscaler.Groups.Sum(g => g.Upcoming.Count);
        bool busy = Autoscaler.ArmedHousekeepingTimers == 0;
        Reset();
        bool ok = Kind switch
        {
            AutoscalerCase.ScaleUp => requested > 0,
            AutoscalerCase.ScaleDown => requested == 0 && busy,
            _ => requested == 0 && !busy,
        };
        if (!ok) throw new InvalidOperationException($"{Kind}: a scan requested {requested} nodes and {(busy ? "has" : "has no")} work left");
    }

    public ClusterSimulation Sim { get; }

    public AutoscalerCase Kind { get; }

    public ClusterAutoscaler Autoscaler => Sim.ClusterAutoscaler;

    /// <summary>The instant every scan is taken at.</summary>
    public SimTime Now { get; }

    public int NodeCount => Sim.Store.Nodes.Count;

    public int PodCount => Sim.Store.PodCount;

    /// <summary>One scan, as the autoscaler's timer runs it.</summary>
    public void Scan() => Autoscaler.RunOnce(Now);

    /// <summary>
    /// Undoes what a scale-up scan did, so the next scan sees the same cluster: the requested nodes'
    /// registrations are cancelled and their billing stopped. Nothing else a scan changes matters
    /// to the next one at the same instant (a scale-down scan only marks nodes unneeded).
    /// </summary>
    public void Reset()
    {
        foreach (var group in Autoscaler.Groups)
        {
            foreach (var upcoming in group.Upcoming)
            {
                Sim.Engine.Cancel(upcoming.Registration);
                Sim.Metrics.StopBilling(upcoming.Node.Name);
            }
            group.Upcoming.Clear();
        }
    }

    private static NodePool Pool((string Name, int PerThousand, long Cores, long MemoryGiB, int Gpus, double Price) shape, int count)
    {
        var resources = new List<(string, long)> { (ResourceNames.Cpu, shape.Cores * 1000), (ResourceNames.Memory, shape.MemoryGiB * GiB) };
        if (shape.Gpus > 0) resources.Add((ResourceNames.NvidiaGpu, shape.Gpus));
        var list = ResourceList.Of([.. resources]);
        return new NodePool
        {
            Name = shape.Name,
            Count = count,
            Capacity = list,
            Allocatable = list,
            Taints = shape.Gpus > 0 ? [new Taint(ResourceNames.NvidiaGpu, "present", TaintEffect.NoSchedule)] : [],
            PricePerHour = shape.Price,
            Autoscaling = new NodePoolAutoscaling(0, count + Math.Max(50, count / 2), null, 0),
        };
    }

    /// <summary>The pools' nodes spread through the node list in proportion (a weighted round-robin), as nodes of several pools register over time.</summary>
    private List<NodePool> Interleave(int nodes)
    {
        var left = _pools.Select(p => p.Count).ToArray();
        var credit = new double[_pools.Length];
        int total = left.Sum();
        var order = new List<NodePool>(total);
        while (order.Count < total)
        {
            int pick = -1;
            for (int p = 0; p < _pools.Length; p++)
            {
                if (left[p] == 0) continue;
                credit[p] += (double)_pools[p].Count / total;
                if (pick < 0 || credit[p] > credit[pick]) pick = p;
            }
            credit[pick] -= 1;
            left[pick]--;
            order.Add(_pools[pick]);
        }
        return order;
    }

    // ---- node layouts: pods per node and each pod's share ----

    /// <summary>Nothing more fits: CPU nodes at 90 % CPU and memory, GPU nodes with every GPU taken.</summary>
    private static (int Pods, double Share) Full(NodePool pool, Random _) => Gpus(pool) > 0 ? (Gpus(pool), 0.9 / Gpus(pool)) : (6, 0.15);

    /// <summary>Above the 0.5 threshold with room left: 75 % of CPU and memory, or of the GPUs.</summary>
    private static (int Pods, double Share) Busy(NodePool pool, Random _) => Gpus(pool) > 0 ? (Gpus(pool) * 3 / 4, 0.75 / (Gpus(pool) * 3 / 4)) : (3, 0.25);

    /// <summary>Under-utilized: 1-3 pods of 10 % (GPU nodes: of one GPU each, below half the GPUs).</summary>
    private static (int Pods, double Share) Light(NodePool pool, Random random) =>
        (Math.Min(random.Next(1, 4), Math.Max(1, (Gpus(pool) - 1) / 2)), 0.10);

    private static int Gpus(NodePool pool) => (int)pool.Allocatable.Get(ResourceNames.NvidiaGpu);

    private void Fill(NodePool pool, string node, Func<NodePool, Random, (int Pods, double Share)> layout)
    {
        var (count, share) = layout(pool, _random);
        bool gpu = Gpus(pool) > 0;
        long cpu = (long)(pool.Allocatable.Get(ResourceNames.Cpu) * share);
        long memory = (long)(pool.Allocatable.Get(ResourceNames.Memory) * share);
        var requests = gpu
            ? ResourceList.Of((ResourceNames.Cpu, cpu), (ResourceNames.Memory, memory), (ResourceNames.NvidiaGpu, 1))
            : ResourceList.Of((ResourceNames.Cpu, cpu), (ResourceNames.Memory, memory));
        for (int i = 0; i < count; i++)
        {
            var pod = AppPod(requests, gpu);
            pod.Spec.NodeName = node;
            Sim.Store.CreatePod(pod);
        }
    }

    /// <summary>Pods the full cluster cannot take: CPU pods of 4-8 cores (more than a full node's 10 % left), GPU pods of 1-4 GPUs, and 1 in 60 that no template fits (16 GPUs).</summary>
    private Pod PendingPod(int i)
    {
        if (i % 60 == 59) return AppPod(ResourceList.Of((ResourceNames.Cpu, 4_000), (ResourceNames.Memory, 16 * GiB), (ResourceNames.NvidiaGpu, 16)), gpu: true);
        if (i % 6 == 5)
        {
            int gpus = 1 << _random.Next(3);
            return AppPod(ResourceList.Of((ResourceNames.Cpu, 8_000L * gpus), (ResourceNames.Memory, 64 * GiB * gpus), (ResourceNames.NvidiaGpu, gpus)), gpu: true);
        }
        long cores = 2 * _random.Next(2, 5);
        return AppPod(ResourceList.Of((ResourceNames.Cpu, cores * 1000), (ResourceNames.Memory, cores * 2 * GiB)), gpu: false);
    }

    private Pod AppPod(ResourceList requests, bool gpu)
    {
        int n = _podsMade++;
        var app = $"app-{n % Apps}";
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = $"{app}-{n}",
                Labels = new Dictionary<string, string> { ["app"] = app },
                OwnerReferences = [new OwnerReference("ReplicaSet", app, $"uid-{app}")],
            },
            Spec = new PodSpec
            {
                Containers = [new Container("main", "registry.example/app:1", requests, requests)],
                Tolerations = gpu ? [GpuToleration] : [],
                TerminationGracePeriod = SimDuration.FromSeconds(30),
            },
        };
    }

    private static PodDisruptionBudget Budget(int app) => new()
    {
        Metadata = new ObjectMeta { Name = $"app-{app}" },
        Spec = new PodDisruptionBudgetSpec
        {
            MaxUnavailable = IntOrPercent.Percent(10),
            Selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = $"app-{app}" }),
        },
    };
}
