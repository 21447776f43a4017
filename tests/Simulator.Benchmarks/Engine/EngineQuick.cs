using System.Diagnostics;
using System.Globalization;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// A seconds-long check of the hold model without BenchmarkDotNet, for iterating on the engine:
/// `dotnet Simulator.Benchmarks.dll engine-quick [pending...]`. Prints the best of a few rounds
/// (the least disturbed by other work on the machine) by wall clock and by the process's CPU
/// time, and bytes allocated per event on this thread. CPU time leaves out the time other
/// processes had the core, which on a small shared machine is most of the noise; once the JIT
/// has finished and nothing allocates, this thread is the only one using CPU.
/// </summary>
internal static class EngineQuick
{
    public const string Command = "engine-quick";

    private const long EventsPerRound = 1_000_000;
    private const int Rounds = 7;
    private static readonly int[] DefaultPending = [1_000, 100_000, 1_000_000];

    public static void Run(IReadOnlyList<int> pendingCounts)
    {
        var delays = ExponentialDelays.Generate(seed: 42);
        Console.WriteLine($"hold model, exponential delays (mean 1s), {EventsPerRound:N0} events per round, best of {Rounds}");
        Console.WriteLine($"{"model",-20} {"pending",10} {"M events/s",11} {"M events/cpu-s",15} {"bytes/event",12}");
        foreach (int pending in pendingCounts.Count > 0 ? pendingCounts : DefaultPending)
        {
            var engine = new EngineHoldModel(pending, delays);
            Report("ksim engine", pending, engine.Run, () => engine.Pending);
            var queue = new PriorityQueueHoldModel(pending, delays);
            Report("bare PriorityQueue", pending, queue.Run, () => queue.Pending);
        }
    }

    private static void Report(string model, int pending, Action<long> run, Func<int> pendingNow)
    {
        run(Math.Max(EventsPerRound, 3L * pending)); // steady state, and the JIT's final tier
        double bestWall = 0, bestCpu = 0;
        long allocated = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var cpuBefore = ThreadCpuClock.Now();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            run(EventsPerRound);
            var wall = Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var cpu = ThreadCpuClock.Now() - cpuBefore;
            bestWall = Math.Max(bestWall, EventsPerRound / wall.TotalSeconds);
            if (cpu > TimeSpan.Zero) bestCpu = Math.Max(bestCpu, EventsPerRound / cpu.TotalSeconds);
        }
        if (pendingNow() != pending)
            throw new InvalidOperationException($"{model}: {pendingNow()} events pending, expected {pending}");
        double bytesPerEvent = (double)allocated / (Rounds * EventsPerRound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model,-20} {pending,10:N0} {bestWall / 1e6,11:F2} {(bestCpu > 0 ? (bestCpu / 1e6).ToString("F2", CultureInfo.InvariantCulture) : "n/a"),15} {bytesPerEvent,12:F3}"));
    }
}
