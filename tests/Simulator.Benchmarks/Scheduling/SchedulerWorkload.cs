using Simulator.Cluster;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>
/// A heterogeneous cluster for scheduler benchmarks, built once: nodes of 8-64 cores across four
/// zones, a tenth of them GPU nodes tainted for GPU pods only, a few tainted for infrastructure.
/// Batches of pods go through the whole path (store, queue, scheduling cycle, binding, kubelet
/// admission, metrics) at one virtual instant, and are removed afterwards so every batch sees the
/// same empty cluster.
/// </summary>
internal sealed class SchedulerWorkload
{
    private static readonly string[] Zones = ["zone-a", "zone-b", "zone-c", "zone-d"];
    private static readonly long[] CpuMilli = [8_000, 16_000, 32_000, 64_000];
    private const long GiB = 1L << 30;
    private const long MiB = 1L << 20;

    private readonly Random _random;
    private long _podsMade;
    private readonly IReadOnlyDictionary<string, string> _podLabels = ObjectMeta.EmptyMap;

    /// <param name="behindService">Label every pod app=web and create a Service selecting them, so PodTopologySpread's system default constraints apply to each pod.</param>
    public SchedulerWorkload(int nodes, int seed = 42, bool behindService = false)
    {
        _random = new Random(seed);
        Sim = new ClusterSimulation(new ClusterOptions { Seed = (ulong)seed });
        if (behindService)
        {
            _podLabels = new Dictionary<string, string> { ["app"] = "web" };
            Sim.Store.Services.Create(new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = _podLabels } });
        }
        for (int i = 0; i < nodes; i++) Sim.Store.AddNode(BuildNode(i));
        Sim.Engine.RunUntil(SimTime.Zero);
    }

    public ClusterSimulation Sim { get; }

    public int NodeCount => Sim.Store.Nodes.Count;

    /// <summary>New pod objects (pods are mutable, so each batch needs its own).</summary>
    public Pod[] NextBatch(int count)
    {
        var pods = new Pod[count];
        for (int i = 0; i < count; i++) pods[i] = BuildPod();
        return pods;
    }

    /// <summary>Creates the pods and runs the engine at the current instant, until each has been scheduled and bound.</summary>
    public void Schedule(Pod[] pods)
    {
        var store = Sim.Store;
        for (int i = 0; i < pods.Length; i++) store.CreatePod(pods[i]);
        Sim.Engine.RunUntil(Sim.Engine.Now);
    }

    /// <summary>Checks the batch was bound and deletes it (its pods have not started, so they go at once).</summary>
    public void Remove(Pod[] pods)
    {
        foreach (var pod in pods)
        {
            if (!pod.IsBound) throw new InvalidOperationException($"{pod.Key} was not bound: {pod.Status.GetCondition(PodConditionType.PodScheduled)?.Message}");
            Sim.Store.DeletePod(pod);
        }
        Sim.Engine.RunUntil(Sim.Engine.Now);
        if (Sim.Store.PodCount != 0) throw new InvalidOperationException($"{Sim.Store.PodCount} pods left after cleanup");
    }

    /// <summary>A scheduling cycle of the default profile on its own, for the cost of filtering and scoring without binding.</summary>
    public (SchedulingCycle Cycle, IReadOnlyList<NodeInfo> Nodes, PodInfo[] Pods) CycleOnly(int pods)
    {
        var cycle = new SchedulingCycle(Sim.Scheduler.Profile, new Random(7));
        var infos = NextBatch(pods).Select(p => new PodInfo(p, Sim.Scheduler.Resources)).ToArray();
        return (cycle, Sim.Scheduler.Cache.Nodes, infos);
    }

    private Node BuildNode(int i)
    {
        bool gpu = i % 10 == 3;
        bool infra = i % 20 == 7;
        int size = _random.Next(CpuMilli.Length);
        var allocatable = new List<KeyValuePair<string, long>>
        {
            new(ResourceNames.Cpu, CpuMilli[size]),
            new(ResourceNames.Memory, CpuMilli[size] / 1000 * 4 * GiB),
        };
        var taints = new List<Taint>();
        if (gpu)
        {
            allocatable.Add(new(ResourceNames.NvidiaGpu, 8));
            taints.Add(new Taint(ResourceNames.NvidiaGpu, "present", TaintEffect.NoSchedule));
        }
        if (infra) taints.Add(new Taint("dedicated", "infra", TaintEffect.NoSchedule));
        var name = $"node-{i:D5}";
        var resources = ResourceList.From(allocatable);
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = "",
                Labels = new Dictionary<string, string>
                {
                    ["kubernetes.io/hostname"] = name,
                    [SchedulerCache.ZoneLabel] = Zones[i % Zones.Length],
                    ["node.kubernetes.io/instance-type"] = gpu ? "gpu-8x" : $"cpu-{CpuMilli[size] / 1000}",
                },
            },
            Spec = new NodeSpec { Taints = taints },
            Status = new NodeStatus { Capacity = resources, Allocatable = resources },
        };
    }

    private Pod BuildPod()
    {
        long n = _podsMade++;
        int kind = _random.Next(10);
        var requests = new List<KeyValuePair<string, long>>
        {
            new(ResourceNames.Cpu, 100 * _random.Next(1, 21)),
            new(ResourceNames.Memory, 128 * MiB * _random.Next(1, 33)),
        };
        IReadOnlyDictionary<string, string> selector = ObjectMeta.EmptyMap;
        IReadOnlyList<Toleration> tolerations = [];
        if (kind == 0)
        {
            requests.Add(new(ResourceNames.NvidiaGpu, _random.Next(1, 3)));
            tolerations = [new Toleration(ResourceNames.NvidiaGpu, TolerationOperator.Exists, "", TaintEffect.NoSchedule)];
        }
        else if (kind == 1)
        {
            selector = new Dictionary<string, string> { [SchedulerCache.ZoneLabel] = Zones[_random.Next(Zones.Length)] };
        }
        var resources = ResourceList.From(requests);
        return new Pod
        {
            Metadata = new ObjectMeta { Name = $"pod-{n}", Labels = _podLabels },
            Spec = new PodSpec
            {
                Containers = [new Container("main", "registry.example/app:1", resources, resources)],
                NodeSelector = selector,
                Tolerations = tolerations,
                TerminationGracePeriod = SimDuration.Zero,
            },
        };
    }
}
