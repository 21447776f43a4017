using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Pending pods at every instant, split by what they wait on (<see cref="PendingIntervals"/>): the
/// data of the stacked pending-pods chart.
/// <list type="bullet">
/// <item>A pod whose latest failed attempt lists k reasons counts 1/k toward each, so the stack's
/// top is the number of pods pending after a failed attempt: stacking whole counts would show a
/// pod held back by two reasons as two pods.</item>
/// <item>Reasons are ranked as the "why pending" table ranks them (pod-time, whole, then name);
/// the first <see cref="MaxReasons"/> get their own series, the rest share <see cref="OtherLabel"/>.</item>
/// <item><see cref="Values"/>[s][j] holds from <see cref="Times"/>[j] to <see cref="Times"/>[j + 1]:
/// the times are every start and end of a pending stretch, so the last value is 0.</item>
/// </list>
/// Counts are kept as whole numerators per denominator k and divided only at the end, so the values
/// are the same whatever the order the stretches are summed in.
/// </summary>
internal sealed record PendingByReason(IReadOnlyList<SimTime> Times, IReadOnlyList<string> Reasons, IReadOnlyList<double[]> Values)
{
    public const int MaxReasons = 8;
    public const string OtherLabel = "other";

    public static PendingByReason Of(RunResult result) => Of(PendingIntervals.Of(result));

    public static PendingByReason Of(IReadOnlyList<PendingInterval> intervals)
    {
        var ranked = Ranked(intervals);
        var reasons = ranked.Take(MaxReasons).ToList();
        if (ranked.Count > MaxReasons) reasons.Add(OtherLabel);
        var seriesOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ranked.Count; i++) seriesOf[ranked[i]] = Math.Min(i, MaxReasons);
        int maxK = intervals.Count == 0 ? 1 : intervals.Max(i => i.Reasons.Count);

        // A stretch's share per series: (reasons of its in that series) / k, added at From, taken back at To.
        var changes = new List<(SimTime Time, int Series, int K, int Delta)>();
        foreach (var interval in intervals)
        {
            int k = interval.Reasons.Count;
            foreach (var group in interval.Reasons.GroupBy(r => seriesOf[r]))
            {
                int m = group.Count();
                changes.Add((interval.From, group.Key, k, m));
                changes.Add((interval.To, group.Key, k, -m));
            }
        }
        changes.Sort((a, b) => a.Time.CompareTo(b.Time));

        var numerators = new long[reasons.Count, maxK + 1];
        var times = new List<SimTime>();
        var values = reasons.Select(_ => new List<double>()).ToList();
        for (int c = 0; c < changes.Count;)
        {
            var time = changes[c].Time;
            for (; c < changes.Count && changes[c].Time == time; c++) numerators[changes[c].Series, changes[c].K] += changes[c].Delta;
            times.Add(time);
            for (int s = 0; s < reasons.Count; s++)
            {
                double sum = 0;
                for (int k = 1; k <= maxK; k++) sum += numerators[s, k] / (double)k;
                values[s].Add(sum);
            }
        }
        return new PendingByReason(times, reasons, values.Select(v => v.ToArray()).ToList());
    }

    /// <summary>Reasons by pod-time held back, most first, ties by name: the why-pending table's order.</summary>
    private static List<string> Ranked(IReadOnlyList<PendingInterval> intervals)
    {
        var time = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var interval in intervals)
        {
            foreach (var reason in interval.Reasons) time[reason] = time.GetValueOrDefault(reason) + (interval.To - interval.From).Microseconds;
        }
        return time.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
    }
}
