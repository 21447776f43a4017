using System.Diagnostics;
using System.Globalization;
using Simulator.Engine;

namespace Simulator.Benchmarks.Workloads;

/// <summary>
/// `dotnet Simulator.Benchmarks.dll requests-quick [simulated duration] [real-router]` (default 1h): runs
/// <see cref="RequestWorkload"/> for that long after a warm-up minute, prints simulated requests
/// per wall-clock second, bytes allocated per request on this thread, and the projection to a
/// simulated day (86.4 M requests).
/// </summary>
internal static class RequestsQuick
{
    public const string Command = "requests-quick";

    public static void Run(IReadOnlyList<string> args)
    {
        var span = SimDuration.Parse(args.Count > 0 ? args[0] : "1h");
        bool realRouter = args.Count > 1 && args[1] == "real-router";
        var workload = new RequestWorkload(realRouter);
        workload.RunFor(SimDuration.FromMinutes(1)); // warm-up: JIT tiers, pools and queues at their peak size
        long arrivals = workload.Arrivals;
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        workload.RunFor(span);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long requests = workload.Arrivals - arrivals;
        double perSecond = requests / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(realRouter ? "real router" : "pod-list router")}, {RequestWorkload.Pods} pods, {RequestWorkload.Rate:N0} requests/s, simulated {span}: {requests:N0} requests in {seconds:F2} s wall"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{perSecond:N0} requests/s, {1e9 / perSecond:F0} ns/request, {(double)allocated / requests:F2} bytes/request, " +
            $"{workload.Cluster.Engine.EventsProcessed:N0} events in all; a simulated day would take {86_400_000 / perSecond:F1} s"));
    }
}
