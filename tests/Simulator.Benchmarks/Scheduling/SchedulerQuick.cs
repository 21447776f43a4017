using System.Diagnostics;
using System.Globalization;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>
/// A seconds-long check of scheduler throughput without BenchmarkDotNet, for iterating on the
/// scheduler: `dotnet Simulator.Benchmarks.dll scheduler-quick [nodes]` (default 5,000). Prints
/// the best of a few timed batches and the bytes allocated per pod on this thread, for the whole
/// path (create, schedule, bind, admit) and for the scheduling cycle alone.
/// </summary>
internal static class SchedulerQuick
{
    public const string Command = "scheduler-quick";

    private const int PodsPerBatch = 1_000;
    private const int Rounds = 7;
    private const int DefaultNodes = 5_000;

    public static void Run(IReadOnlyList<string> args)
    {
        int nodes = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultNodes;
        long setupStart = Stopwatch.GetTimestamp();
        var workload = new SchedulerWorkload(nodes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default profile, {workload.NodeCount:N0} nodes (built in {Stopwatch.GetElapsedTime(setupStart).TotalSeconds:F1} s), {PodsPerBatch:N0} pods per batch, best of {Rounds}"));
        Console.WriteLine($"{"path",-24} {"pods/s",10} {"us/pod",8} {"bytes/pod",10}");

        Measure("create+schedule+bind", () =>
        {
            var batch = workload.NextBatch(PodsPerBatch);
            return (() => workload.Schedule(batch), () => workload.Remove(batch));
        });

        var (cycle, nodeInfos, pods) = workload.CycleOnly(PodsPerBatch);
        Measure("SchedulingCycle only", () => (() =>
        {
            foreach (var pod in pods)
                if (!cycle.Schedule(pod, nodeInfos).Succeeded) throw new InvalidOperationException($"{pod.Pod.Key} did not fit");
        }, () => { }));

        // The same pods behind a Service, with 1,000 of them already bound: PodTopologySpread's
        // system defaults count the matching pods over every node in each cycle, as kube-scheduler does.
        var spread = new SchedulerWorkload(nodes, behindService: true);
        spread.Schedule(spread.NextBatch(PodsPerBatch));
        var (spreadCycle, spreadNodes, spreadPods) = spread.CycleOnly(PodsPerBatch);
        Measure("...pods behind a Service", () => (() =>
        {
            foreach (var pod in spreadPods)
                if (!spreadCycle.Schedule(pod, spreadNodes).Succeeded) throw new InvalidOperationException($"{pod.Pod.Key} did not fit");
        }, () => { }));
    }

    /// <summary><paramref name="prepare"/> returns the timed batch and its untimed cleanup.</summary>
    private static void Measure(string path, Func<(Action Timed, Action Cleanup)> prepare)
    {
        for (int i = 0; i < 3; i++) // warm-up, and the JIT's final tier
        {
            var (warm, clean) = prepare();
            warm();
            clean();
        }
        double best = 0;
        long allocated = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var (timed, cleanup) = prepare();
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            timed();
            var elapsed = Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            cleanup();
            best = Math.Max(best, PodsPerBatch / elapsed.TotalSeconds);
        }
        double bytesPerPod = (double)allocated / (Rounds * PodsPerBatch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-24} {best,10:N0} {1e6 / best,8:F1} {bytesPerPod,10:N0}"));
    }
}
