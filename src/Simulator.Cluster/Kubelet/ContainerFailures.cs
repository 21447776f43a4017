using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// Decides, each time a container starts, whether this run ends in an error exit before its work
/// is done, and when. Draws come from the one "pod-failures" stream in event order, so a seed
/// gives the same failures on every rerun and under every scheduling policy that starts the
/// same containers at the same times.
/// </summary>
internal sealed class ContainerFailures(Random random)
{
    public const string StreamName = "pod-failures";

    private const double MicrosecondsPerHour = 3_600_000_000.0;

    // A failure some 30 000 years away never happens within a run; the cap also keeps the
    // conversion to microseconds, and the time it is scheduled at, far from overflow.
    private const double NeverMicroseconds = 1e18;

    /// <summary>
    /// Time from the container's start to its error exit, or null if this run ends normally
    /// (completes its duration, or runs until deleted).
    /// </summary>
    public SimDuration? TimeToFailure(Workload workload)
    {
        SimDuration? failAfter = null;
        if (workload.FailureRatePerHour is > 0 and var rate)
        {
            // Exponential time to failure by inversion; 1 - u is in (0, 1], so the log is finite.
            double us = -Math.Log(1.0 - random.NextDouble()) / rate * MicrosecondsPerHour;
            if (us < NeverMicroseconds) failAfter = new SimDuration((long)us);
        }
        if (workload.FailureProbability is > 0 and var p && workload.Duration is { } duration && duration > SimDuration.Zero)
        {
            // Only a run of known length has a "point of its duration" to fail at.
            if (random.NextDouble() < p)
            {
                var at = new SimDuration((long)(random.NextDouble() * duration.Microseconds));
                failAfter = failAfter is { } earlier ? SimDuration.Min(earlier, at) : at;
            }
        }
        if (failAfter is { } f && workload.Duration is { } d && f >= d) return null;
        return failAfter;
    }
}
