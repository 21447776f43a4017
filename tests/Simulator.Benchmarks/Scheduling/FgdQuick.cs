using System.Diagnostics;
using System.Globalization;
using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>
/// The FGD paper's policies on the Alibaba openb cluster: `dotnet Simulator.Benchmarks.dll
/// fgd-quick [profile ...] [--data dir] [--shuffle seed] [--all-nodes] [--arrive percent] [--coverage percent]` (default: default and the six policies).
/// Each run places the trace's pods in file order (or shuffled) on its 1,213 GPU nodes (or all
/// 1,523 with the CPU-only ones) with no departures (or only the first pods whose GPU requests
/// add up to a percentage of the cluster's GPUs, the paper's "arrived workload"); FGD's target
/// workload covers 95 % of the pods unless --coverage says otherwise, as the paper's
/// experiments fill the cluster: the scheduling cycle (every node filtered and, for the policies,
/// scored), Reserve (GpuShare's GPU choice) and the cache's AddPod, without the store, queue or
/// kubelet. Prints, for the best of a few runs, pods/s, bytes allocated per pod on this thread
/// (over all pods, and over the placed pods alone: a pod that fits nowhere goes through
/// DefaultPreemption's dry run and FailedScheduling's message, which dominate), and how many pods
/// were placed, what share of the GPUs they hold, and what share of the idle GPU is fragmented.
/// </summary>
internal static class FgdQuick
{
    public const string Command = "fgd-quick";

    private const int Rounds = 3;

    private static readonly string[] AllProfiles = ["default", "random", "dot-product", "gpu-clustering", "gpu-packing", "gpu-best-fit", "fgd"];

    public static void Run(IReadOnlyList<string> args)
    {
        string directory = OpenbTrace.DefaultDirectory;
        int? shuffle = null;
        bool cpuNodesToo = false;
        double arrive = 0, coverage = 0.95;
        var profiles = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--data" && i + 1 < args.Count) directory = args[++i];
            else if (args[i] == "--shuffle" && i + 1 < args.Count) shuffle = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--all-nodes") cpuNodesToo = true;
            else if (args[i] == "--coverage" && i + 1 < args.Count) coverage = double.Parse(args[++i], CultureInfo.InvariantCulture) / 100;
            else if (args[i] == "--arrive" && i + 1 < args.Count) arrive = double.Parse(args[++i], CultureInfo.InvariantCulture) / 100;
            else profiles.Add(args[i]);
        }
        if (profiles.Count == 0) profiles.AddRange(AllProfiles);

        var nodes = OpenbTrace.Nodes(directory, cpuNodesToo);
        var pods = OpenbTrace.Pods(directory);
        if (shuffle is { } seed) new Random(seed).Shuffle(pods);
        if (arrive > 0) pods = Arrived(pods, nodes, arrive);
        var workload = TargetWorkload.FromPods(pods.Select(PodShape.Of), coverage);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"openb: {nodes.Length:N0} {(cpuNodesToo ? "nodes (GPU and CPU-only)" : "GPU nodes")}, {pods.Length:N0} pods in {(shuffle is null ? "file order" : $"an order shuffled with seed {shuffle}")}, target workload {workload.Shapes.Count} shapes; best of {Rounds}"));
        Console.WriteLine($"{"profile",-16} {"pods/s",10} {"us/pod",8} {"bytes/pod",10} {"us/placed",10} {"B/placed pod",12} {"placed",8} {"GPU alloc",10} {"idle frag",10}");
        foreach (var profile in profiles) Measure(profile, nodes, pods, workload);
    }

    private static void Measure(string profile, Node[] nodes, Pod[] pods, TargetWorkload workload)
    {
        double best = 0;
        long bestBytes = long.MaxValue, bestPlacedBytes = long.MaxValue;
        double bestPlacedUs = double.MaxValue;
        int placed = 0;
        double allocation = 0, fragmented = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var index = new ResourceIndex();
            var infos = nodes.Select(n => new NodeInfo(n, index)).ToArray();
            // Pods are mutable (their GPUs are recorded on them): each run gets its own copies.
            var podInfos = pods.Select(p => new PodInfo(Copy(p), index)).ToArray();
            SchedulingCycle? cycle = null;
            var context = new ProfileContext(index, (p, n) => cycle!.RunFilters(p, n), p => new PodInfo(p, index), ThroughputTable.Default)
            {
                TargetWorkload = workload,
                Random = new Random(42),
            };
            var scheduler = ProfileCatalog.Create(profile, context);
            cycle = new SchedulingCycle(scheduler, new Random(7));

            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            placed = 0;
            long placedBytes = 0, placedTicks = 0;
            foreach (var pod in podInfos)
            {
                long podStart = GC.GetAllocatedBytesForCurrentThread();
                long podTime = Stopwatch.GetTimestamp();
                var result = cycle.Schedule(pod, infos);
                if (result.Node is not { } node) continue;
                foreach (var reserve in scheduler.Reserves)
                    if (!reserve.Reserve(pod, node).IsSuccess) throw new InvalidOperationException($"{pod.Pod.Name}: Reserve failed on {node.Name}");
                node.AddPod(pod.Pod, pod);
                placed++;
                placedBytes += GC.GetAllocatedBytesForCurrentThread() - podStart;
                placedTicks += Stopwatch.GetTimestamp() - podTime;
            }
            var elapsed = Stopwatch.GetElapsedTime(start);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Max(best, pods.Length / elapsed.TotalSeconds);
            bestBytes = Math.Min(bestBytes, bytes);
            bestPlacedBytes = Math.Min(bestPlacedBytes, placedBytes);
            bestPlacedUs = Math.Min(bestPlacedUs, placedTicks * 1e6 / Stopwatch.Frequency / placed);
            allocation = GpuAllocation(infos);
            fragmented = FragmentedShare(infos, workload);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{profile,-16} {best,10:N0} {1e6 / best,8:F1} {(double)bestBytes / pods.Length,10:N0} {bestPlacedUs,10:F1} {(double)bestPlacedBytes / placed,12:N0} {placed,8:N0} {allocation,9:P1} {fragmented,10:P1}"));
    }

    private static double GpuAllocation(NodeInfo[] nodes)
    {
        long used = 0, total = 0;
        foreach (var n in nodes)
        {
            foreach (var u in n.GpuUsedMilli) used += u;
            total += (long)n.GpuCount * GpuDemand.MilliPerGpu;
        }
        return (double)used / total;
    }

    /// <summary>The share of the idle GPU thousandths that are fragments for the target workload (the paper's fragmentation rate).</summary>
    private static double FragmentedShare(NodeInfo[] nodes, TargetWorkload workload)
    {
        double fragments = 0;
        long idle = 0;
        foreach (var n in nodes)
        {
            fragments += NodeFragmentation.Of(n, workload);
            idle += GpuAssignment.TotalFree(n.GpuUsedMilli, n.GpuCount);
        }
        return idle == 0 ? 0 : fragments / idle;
    }

    private static Pod[] Arrived(Pod[] pods, Node[] nodes, double fraction)
    {
        double capacity = nodes.Sum(n => n.Status.Allocatable.Get(ResourceNames.NvidiaGpu)) * (double)GpuDemand.MilliPerGpu;
        double arrived = 0;
        int count = 0;
        while (count < pods.Length && arrived < fraction * capacity) arrived += GpuDemand.Of(pods[count++]).TotalMilli;
        return pods[..count];
    }

    private static Pod Copy(Pod pod) => new() { Metadata = pod.Metadata, Spec = pod.Spec };
}
