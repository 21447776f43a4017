using System.Diagnostics;
using System.Globalization;
using Simulator.Benchmarks.Engine;

namespace Simulator.Benchmarks.Autoscaling;

/// <summary>
/// A seconds-long measurement of one Cluster Autoscaler scan without BenchmarkDotNet's long runs:
/// `dotnet Simulator.Benchmarks.dll autoscaler-quick [--parts] [--no-pdb] [--pending n] [--case c] [--rounds n] [nodes ...]`
/// (default: every case; 250, 1,000 and 4,000 nodes; 300 pending pods; 9 rounds, more to run
/// long enough for a profiler such as perf). For each case of
/// <see cref="AutoscalerCase"/> and size it prints the best and median wall time of one
/// <c>RunOnce</c>, the median CPU time of this thread (the machine is shared: wall time includes
/// waiting for a core, CPU time does not) and the bytes it allocates on this thread (median); with --parts, the same for
/// each stage of the scan (<see cref="AutoscalerScanParts"/>), to see where the time goes.
/// </summary>
internal static class AutoscalerQuick
{
    public const string Command = "autoscaler-quick";

    private const int WarmUps = 3;
    private static int Rounds = 15;
    private static readonly int[] DefaultNodes = [250, 1_000, 4_000];

    public static void Run(IReadOnlyList<string> args)
    {
        bool parts = false, budgets = true;
        int pending = 300;
        AutoscalerCase[] cases = Enum.GetValues<AutoscalerCase>();
        var sizes = new List<int>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--parts") parts = true;
            else if (args[i] == "--no-pdb") budgets = false;
            else if (args[i] == "--rounds" && i + 1 < args.Count) Rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--case" && i + 1 < args.Count) cases = [Enum.Parse<AutoscalerCase>(args[++i], ignoreCase: true)];
            else if (args[i] == "--pending" && i + 1 < args.Count) pending = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (sizes.Count == 0) sizes.AddRange(DefaultNodes);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one ClusterAutoscaler.RunOnce; {(budgets ? $"{AutoscalerWorkload.Apps} PodDisruptionBudgets" : "no PodDisruptionBudgets")}; wall time best and median of {Rounds}, thread CPU time median, bytes allocated per scan (median)"));
        Console.WriteLine($"{"case",-10} {"nodes",6} {"pods",7} {"setup s",8} {"best us",10} {"median us",10} {"cpu us",10} {"bytes",12}  stage");
        foreach (var kind in cases)
        {
            foreach (var nodes in sizes)
            {
                long setupStart = Stopwatch.GetTimestamp();
                var workload = new AutoscalerWorkload(nodes, kind, pending, budgets);
                double setup = Stopwatch.GetElapsedTime(setupStart).TotalSeconds;
                string prefix = string.Create(CultureInfo.InvariantCulture, $"{kind,-10} {workload.NodeCount,6} {workload.PodCount,7} {setup,8:F1}");
                Print(prefix, "RunOnce", Measure(() => { workload.Scan(); return 0; }, workload.Reset));
                if (!parts) continue;
                var scan = new AutoscalerScanParts(workload);
                Console.WriteLine($"{new string(' ', prefix.Length)} {scan.Outcome()}");
                foreach (var (name, stage) in scan.Stages)
                    Print(new string(' ', prefix.Length), name, Measure(stage, workload.Reset));
            }
        }
    }

    /// <summary>Best and median wall microseconds, median CPU microseconds and median bytes of <paramref name="timed"/>, <paramref name="reset"/> untimed after each call.</summary>
    public static (double Best, double Median, double Cpu, long Bytes) Measure(Func<int> timed, Action reset)
    {
        // Warm-up until the JIT's final tier: tiered compilation promotes a method after 30 calls
        // (then compiles it in the background), so a few calls leave the first size measured in tier 0.
        long warmStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < WarmUps || (i < 40 && Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 3); i++)
        {
            timed();
            reset();
        }
        var micros = new double[Rounds];
        var cpu = new double[Rounds];
        var bytes = new long[Rounds];
        for (int round = 0; round < Rounds; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = ThreadCpuClock.Now();
            long start = Stopwatch.GetTimestamp();
            timed();
            micros[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            cpu[round] = (ThreadCpuClock.Now() - cpuStart).TotalMicroseconds;
            bytes[round] = GC.GetAllocatedBytesForCurrentThread() - before;
            reset();
        }
        Array.Sort(micros);
        Array.Sort(cpu);
        Array.Sort(bytes);
        return (micros[0], micros[Rounds / 2], cpu[Rounds / 2], bytes[Rounds / 2]);
    }

    private static void Print(string prefix, string stage, (double Best, double Median, double Cpu, long Bytes) m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{prefix} {m.Best,10:N0} {m.Median,10:N0} {m.Cpu,10:N0} {m.Bytes,12:N0}  {stage}"));
}
