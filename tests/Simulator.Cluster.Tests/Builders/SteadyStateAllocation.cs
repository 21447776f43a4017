namespace Simulator.Cluster.Tests.Builders;

/// <summary>
/// Bytes a piece of code allocates once warm: run past tiered compilation's tier-up (whose
/// background recompiles can install stubs on the calling thread during the first calls after),
/// then the least of three measured rounds, so a rare runtime allocation on the thread does not
/// fail a test while a real per-call allocation shows in every round.
/// </summary>
internal static class SteadyStateAllocation
{
    public static long Of(Action calls, int warmupCalls = 5)
    {
        for (int i = 0; i < warmupCalls; i++) calls();
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            calls();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
