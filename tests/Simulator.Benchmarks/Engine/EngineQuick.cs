using System.Diagnostics;
using System.Globalization;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// A seconds-long check of the hold model without BenchmarkDotNet, for iterating on the engine:
/// `dotnet Simulator.Benchmarks.dll engine-quick`. Prints the best of a few timed rounds (the
/// least disturbed by other work on the machine) and bytes allocated per event on this thread.
/// </summary>
internal static class EngineQuick
{
    public const string Command = "engine-quick";

    private const long EventsPerRound = 2_000_000;
    private const int Rounds = 5;

    public static void Run()
    {
        var delays = ExponentialDelays.Generate(seed: 42);
        Console.WriteLine($"hold model, exponential delays (mean 1s), {EventsPerRound:N0} events per round, best of {Rounds}");
        Console.WriteLine($"{"model",-20} {"pending",10} {"M events/s",11} {"bytes/event",12}");
        foreach (int pending in new[] { 1_000, 100_000, 1_000_000 })
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
        double best = 0;
        long allocated = 0;
        for (int round = 0; round < Rounds; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            run(EventsPerRound);
            var elapsed = Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Max(best, EventsPerRound / elapsed.TotalSeconds);
        }
        if (pendingNow() != pending)
            throw new InvalidOperationException($"{model}: {pendingNow()} events pending, expected {pending}");
        double bytesPerEvent = (double)allocated / (Rounds * EventsPerRound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model,-20} {pending,10:N0} {best / 1e6,11:F2} {bytesPerEvent,12:F3}"));
    }
}
