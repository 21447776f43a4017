using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Html;

/// <summary>One row of the "why pending" table: a FailedScheduling reason, the pods it held back and for how long.</summary>
public sealed record PendingReason(string Reason, int Pods, SimDuration PodTime)
{
    public double PodHours => PodTime.Microseconds / 3_600_000_000.0;
}

/// <summary>
/// Where the pods' pending time went: the sums of <see cref="PendingIntervals"/> (which says when a
/// pod is pending and what it waits on) per reason.
/// <list type="bullet">
/// <item>each stretch of pending time is attributed, whole, to every reason its failed attempt lists;</item>
/// <item><c>pods</c> is the number of distinct pods that ever waited on the reason.</item>
/// </list>
/// A pod held back by two reasons at once counts in both rows, so the rows can add up to more than
/// <see cref="Total"/>, which counts each pod's pending time once. Everything is in whole
/// microseconds, so the sums are exact.
/// </summary>
public sealed record WhyPending(IReadOnlyList<PendingReason> Reasons, PendingReason Total)
{
    public const string FailedScheduling = PendingIntervals.FailedScheduling;
    public const string TotalLabel = "(any reason)";

    public static WhyPending Of(RunResult result)
    {
        var time = new Dictionary<string, long>(StringComparer.Ordinal);
        var pods = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(PodRecord, string)>();
        var pendingPods = new HashSet<PodRecord>(ReferenceEqualityComparer.Instance);
        long total = 0;
        foreach (var interval in PendingIntervals.Of(result))
        {
            long span = (interval.To - interval.From).Microseconds;
            total += span;
            pendingPods.Add(interval.Pod);
            foreach (var reason in interval.Reasons)
            {
                time[reason] = time.GetValueOrDefault(reason) + span;
                if (seen.Add((interval.Pod, reason))) pods[reason] = pods.GetValueOrDefault(reason) + 1;
            }
        }
        var rows = time
            .Select(kv => new PendingReason(kv.Key, pods[kv.Key], SimDuration.FromMicroseconds(kv.Value)))
            .OrderByDescending(r => r.PodTime)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new WhyPending(rows, new PendingReason(TotalLabel, pendingPods.Count, SimDuration.FromMicroseconds(total)));
    }
}
