using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Reporting.Html;

/// <summary>One row of the "why pending" table: a FailedScheduling reason, the pods it held back and for how long.</summary>
public sealed record PendingReason(string Reason, int Pods, SimDuration PodTime)
{
    public double PodHours => PodTime.Microseconds / 3_600_000_000.0;
}

/// <summary>
/// Where the pods' pending time went, from each pod's FailedScheduling events:
/// <list type="bullet">
/// <item>a pod is pending from its first FailedScheduling event until it is bound (scheduled_s), or
/// else deleted, or else finished, or else the end of the run;</item>
/// <item>the time from each FailedScheduling event to the pod's next one (or the end of its pending
/// time) is attributed, whole, to every reason that event's message lists (the
/// "N reason" parts of "0/N nodes are available: ...", see <see cref="FailureReasons"/>; a message
/// without that list counts as its own reason). The reasons are those of the latest failed attempt,
/// because that is what the pod was waiting on until the scheduler tried again;</item>
/// <item><c>pods</c> is the number of distinct pods that ever waited on the reason.</item>
/// </list>
/// A pod held back by two reasons at once counts in both rows, so the rows can add up to more than
/// <see cref="Total"/>, which counts each pod's pending time once. Time before a pod's first
/// failed attempt (the queue and the scheduling cycle itself) is not attributed: it is the
/// scheduling latency of summary.json. Everything is in whole microseconds, so the sums are exact.
/// </summary>
public sealed record WhyPending(IReadOnlyList<PendingReason> Reasons, PendingReason Total)
{
    public const string FailedScheduling = "FailedScheduling";
    public const string TotalLabel = "(any reason)";

    public static WhyPending Of(RunResult result)
    {
        var attempts = AttemptsByPod(result);
        var time = new Dictionary<string, long>(StringComparer.Ordinal);
        var pods = new Dictionary<string, int>(StringComparer.Ordinal);
        long total = 0;
        int totalPods = 0;
        foreach (var (pod, events) in attempts)
        {
            var pendingEnd = pod.Scheduled ?? pod.Deleted ?? pod.Finished ?? result.EndTime;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool counted = false;
            for (int i = 0; i < events.Count; i++)
            {
                var from = events[i].Time;
                if (from >= pendingEnd) break;
                var to = i + 1 < events.Count ? SimTime.Min(events[i + 1].Time, pendingEnd) : pendingEnd;
                long span = (to - from).Microseconds;
                counted = true;
                foreach (var reason in ReasonsOf(events[i].Message))
                {
                    time[reason] = time.GetValueOrDefault(reason) + span;
                    if (seen.Add(reason)) pods[reason] = pods.GetValueOrDefault(reason) + 1;
                }
            }
            if (!counted) continue;
            totalPods++;
            total += (pendingEnd - events[0].Time).Microseconds;
        }
        var rows = time
            .Select(kv => new PendingReason(kv.Key, pods[kv.Key], SimDuration.FromMicroseconds(kv.Value)))
            .OrderByDescending(r => r.PodTime)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new WhyPending(rows, new PendingReason(TotalLabel, totalPods, SimDuration.FromMicroseconds(total)));
    }

    /// <summary>The distinct reasons of one message, in the order the scheduler wrote them.</summary>
    internal static IEnumerable<string> ReasonsOf(string message)
    {
        var reasons = FailureReasons.Of(message).Distinct(StringComparer.Ordinal).ToList();
        return reasons.Count > 0 ? reasons : [message.TrimEnd('.')];
    }

    /// <summary>
    /// Each pod's FailedScheduling events in time order. Events name a pod "namespace/name"; a name
    /// can come back after its pod is gone, so an event belongs to the latest pod of that name
    /// created at or before it. Pods in creation order, so the result does not depend on hashing.
    /// </summary>
    private static List<(PodRecord Pod, List<ClusterEvent> Events)> AttemptsByPod(RunResult result)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var perPod = new List<ClusterEvent>?[result.Pods.Count];
        for (int i = 0; i < result.Pods.Count; i++)
        {
            var key = result.Pods[i].Namespace + "/" + result.Pods[i].Name;
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }
        foreach (var e in result.Events)
        {
            if (e.Reason != FailedScheduling || e.ObjectKind != "Pod" || !byKey.TryGetValue(e.ObjectName, out var candidates)) continue;
            int owner = -1;
            foreach (var index in candidates)
            {
                if (result.Pods[index].Created <= e.Time) owner = index;
            }
            if (owner >= 0) (perPod[owner] ??= []).Add(e);
        }
        var attempts = new List<(PodRecord, List<ClusterEvent>)>();
        for (int i = 0; i < perPod.Length; i++)
        {
            if (perPod[i] is { } events) attempts.Add((result.Pods[i], events));
        }
        return attempts;
    }
}
