using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>
/// One stretch of a pod's pending time: from a failed scheduling attempt to the pod's next one, or
/// to the end of its pending time, held back by the reasons that attempt's message lists.
/// </summary>
public sealed record PendingInterval(PodRecord Pod, SimTime From, SimTime To, IReadOnlyList<string> Reasons);

/// <summary>
/// Pods' pending time split by what they waited on, from their FailedScheduling events; shared by
/// the "why pending" table of the HTML report and the pending-pods chart, so both tell the same story:
/// <list type="bullet">
/// <item>a pod is pending from its first FailedScheduling event until it is bound (scheduled_s), or
/// else deleted, or else finished, or else the end of the run;</item>
/// <item>each stretch from one FailedScheduling event to the pod's next one (or the end of its
/// pending time) is held back by every reason that event's message lists (the "N reason" parts of
/// "0/N nodes are available: ...", see <see cref="FailureReasons"/>; a message without that list
/// counts as its own reason). The reasons are those of the latest failed attempt, because that is
/// what the pod was waiting on until the scheduler tried again.</item>
/// </list>
/// Time before a pod's first failed attempt (the queue and the scheduling cycle itself) is not
/// pending here: it is the scheduling latency of summary.json.
/// </summary>
public static class PendingIntervals
{
    public const string FailedScheduling = "FailedScheduling";

    /// <summary>Pod by pod (in creation order), each pod's stretches in time order; empty stretches left out.</summary>
    public static List<PendingInterval> Of(RunResult result)
    {
        var intervals = new List<PendingInterval>();
        foreach (var (pod, events) in AttemptsByPod(result))
        {
            var pendingEnd = PendingEnd(pod, result.EndTime);
            for (int i = 0; i < events.Count; i++)
            {
                var from = events[i].Time;
                if (from >= pendingEnd) break;
                var to = i + 1 < events.Count ? SimTime.Min(events[i + 1].Time, pendingEnd) : pendingEnd;
                intervals.Add(new PendingInterval(pod, from, to, ReasonsOf(events[i].Message)));
            }
        }
        return intervals;
    }

    /// <summary>When a pod stops pending: bound, else deleted, else finished, else the run's end.</summary>
    public static SimTime PendingEnd(PodRecord pod, SimTime runEnd) => pod.Scheduled ?? pod.Deleted ?? pod.Finished ?? runEnd;

    /// <summary>The distinct reasons of one message, in the order the scheduler wrote them.</summary>
    public static IReadOnlyList<string> ReasonsOf(string message)
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
