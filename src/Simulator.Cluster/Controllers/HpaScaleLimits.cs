using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// What the HPA controller remembers about one autoscaler between syncs: its recent unstabilized
/// recommendations and, with behavior, the replica changes it made (per direction, as positive
/// counts), each with its time.
/// </summary>
internal sealed class HpaHistory
{
    public List<(SimTime At, int Replicas)> Recommendations { get; } = [];
    public List<(SimTime At, int Change)> ScaleUps { get; } = [];
    public List<(SimTime At, int Change)> ScaleDowns { get; } = [];
}

/// <summary>
/// Turns a metrics proposal into the replica count actually written (normalizeDesiredReplicas and
/// normalizeDesiredReplicasWithBehaviors in horizontal.go): stabilization over recent
/// recommendations, then the scale rate limits, then [minReplicas, maxReplicas].
/// </summary>
internal static class HpaScaleLimits
{
    /// <summary>horizontal-pod-autoscaler-downscale-stabilization.</summary>
    public static readonly SimDuration DownscaleStabilization = SimDuration.FromSeconds(300);

    /// <summary>Without behavior: the highest recommendation of the last 5 min, at most max(2·current, 4), within [min, max].</summary>
    public static int Legacy(HpaHistory h, SimTime now, int current, int desired, int min, int max)
    {
        // A recommendation exactly at the cutoff still counts (only strictly older ones expire).
        var cutoff = now - DownscaleStabilization;
        h.Recommendations.RemoveAll(r => r.At < cutoff);
        int stabilized = desired;
        foreach (var r in h.Recommendations) stabilized = Math.Max(stabilized, r.Replicas);
        h.Recommendations.Add((now, desired));

        // Guards against a bogus usage spike multiplying the replicas (kubernetes#32304).
        int scaleUpLimit = Math.Max(2 * current, 4);
        int maxAllowed = Math.Min(max, scaleUpLimit);
        if (stabilized < min) return min;
        return Math.Min(stabilized, maxAllowed);
    }

    /// <summary>With behavior: per-direction stabilization window, then the policies' limit over their periods.</summary>
    public static int WithBehavior(HpaHistory h, HpaBehavior b, SimTime now, int current, int desired, int min, int max)
    {
        int stabilized = Stabilize(h, b, now, current, desired);
        if (stabilized > current)
        {
            int limit = Math.Max(ScaleUpLimit(b.ScaleUp, h.ScaleUps, now, current), current);
            return Math.Min(stabilized, Math.Min(max, limit));
        }
        if (stabilized < current)
        {
            int limit = Math.Min(ScaleDownLimit(b.ScaleDown, h.ScaleDowns, now, current), current);
            return Math.Max(stabilized, Math.Max(min, limit));
        }
        return stabilized;
    }

    /// <summary>storeScaleEvent: remembered only with behavior, and only as long as the longest policy period needs.</summary>
    public static void RecordScale(HpaHistory h, HpaBehavior? b, SimTime now, int from, int to)
    {
        if (b is null || from == to) return;
        var (events, rules) = to > from ? (h.ScaleUps, b.ScaleUp) : (h.ScaleDowns, b.ScaleDown);
        var longest = SimDuration.Zero;
        foreach (var p in rules.Policies) longest = SimDuration.Max(longest, p.Period);
        events.RemoveAll(e => e.At < now - longest);
        events.Add((now, Math.Abs(to - from)));
    }

    /// <summary>
    /// Scale-up keeps the lowest recommendation in its window, scale-down the highest in its own;
    /// the direction is that of the new recommendation against the current count. A window of 0
    /// looks at nothing but the new recommendation (only strictly newer entries count).
    /// </summary>
    private static int Stabilize(HpaHistory h, HpaBehavior b, SimTime now, int current, int desired)
    {
        bool up = desired >= current;
        var window = up ? b.ScaleUp.StabilizationWindow : b.ScaleDown.StabilizationWindow;
        var cutoff = now - window;
        var obsolete = now - SimDuration.Max(b.ScaleUp.StabilizationWindow, b.ScaleDown.StabilizationWindow);
        int result = desired;
        foreach (var r in h.Recommendations)
            if (r.At > cutoff) result = up ? Math.Min(result, r.Replicas) : Math.Max(result, r.Replicas);
        h.Recommendations.RemoveAll(r => r.At < obsolete);
        h.Recommendations.Add((now, desired));
        return result;
    }

    /// <summary>The replicas added (or removed) by this controller within each policy's period, ending now.</summary>
    private static int ChangeWithin(List<(SimTime At, int Change)> events, SimTime now, SimDuration period)
    {
        int sum = 0;
        foreach (var e in events)
            if (e.At > now - period) sum += e.Change;
        return sum;
    }

    /// <summary>calculateScaleUpLimitWithScalingRules: each policy measured from the replicas at its period's start.</summary>
    private static int ScaleUpLimit(HpaScalingRules rules, List<(SimTime At, int Change)> added, SimTime now, int current)
    {
        if (rules.SelectPolicy == HpaSelectPolicy.Disabled) return current;
        bool pickMin = rules.SelectPolicy == HpaSelectPolicy.Min;
        int result = pickMin ? int.MaxValue : 0;
        foreach (var p in rules.Policies)
        {
            int start = current - ChangeWithin(added, now, p.Period);
            // Percent rounds up, or a small deployment could never grow.
            int proposed = p.Type == HpaPolicyType.Pods
                ? start + p.Value
                : (int)Math.Ceiling(start * (1 + p.Value / 100.0));
            result = pickMin ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }
        return result;
    }

    /// <summary>calculateScaleDownLimitWithBehaviors: Max picks the largest removal, so the lowest floor.</summary>
    private static int ScaleDownLimit(HpaScalingRules rules, List<(SimTime At, int Change)> removed, SimTime now, int current)
    {
        if (rules.SelectPolicy == HpaSelectPolicy.Disabled) return current;
        bool pickMin = rules.SelectPolicy == HpaSelectPolicy.Min;
        int result = pickMin ? int.MinValue : int.MaxValue;
        foreach (var p in rules.Policies)
        {
            int start = current + ChangeWithin(removed, now, p.Period);
            int proposed = p.Type == HpaPolicyType.Pods
                ? start - p.Value
                : (int)(start * (1 - p.Value / 100.0));
            result = pickMin ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }
        return result;
    }
}
