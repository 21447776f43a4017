namespace Simulator.Cluster.Controllers;

/// <summary>
/// One pod as the replica calculation sees it: whether it counts as unready, its CPU request
/// (millicores) and its metric value (CPU millicores or the pods metric), null when the metrics
/// source has nothing for it. Deleted and failed pods never get this far.
/// </summary>
internal readonly record struct HpaPodSample(bool Unready, long Request, double? Value);

/// <summary>A metric's proposal: the replica count and the measured value (percent or per-pod average); invalid when no pod had metrics.</summary>
internal readonly record struct HpaProposal(bool Valid, int Replicas, double Current)
{
    public static readonly HpaProposal Invalid = new(false, 0, 0);
}

/// <summary>
/// The HPA's replica calculator (podautoscaler replica_calculator.go): usage over ready pods with
/// metrics gives a ratio to the target; within the tolerance nothing changes; otherwise
/// ⌈ratio · pods⌉. Pods without metrics and unready pods are then substituted conservatively
/// (missing: the target on scale-down, 0 on scale-up; unready: 0, on scale-up only), and if that
/// brings the ratio back within tolerance or turns the direction, the current count stands.
/// </summary>
internal static class ReplicaCalculator
{
    /// <summary>horizontal-pod-autoscaler-tolerance.</summary>
    public const double Tolerance = 0.1;

    /// <summary>A Resource metric with an Utilization target: integer percent of the summed requests.</summary>
    public static HpaProposal CpuUtilization(int currentReplicas, int targetPercent, IReadOnlyList<HpaPodSample> pods)
    {
        long usage = 0, request = 0;
        int ready = 0, missing = 0, unready = 0;
        foreach (var p in pods)
        {
            if (p.Unready) unready++;
            else if (p.Value is not { } v) missing++;
            else
            {
                ready++;
                usage += (long)v;
                request += p.Request;
            }
        }
        if (ready == 0 || request <= 0) return HpaProposal.Invalid;
        long utilization = usage * 100 / request;
        double ratio = (double)utilization / targetPercent;

        bool scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing == 0)
            return new HpaProposal(true, WithinTolerance(ratio) ? currentReplicas : Ceil(ratio * ready), utilization);

        // Second pass with the substitutions: summed again over every pod that now has a value.
        // On scale-down a pod without metrics uses all of its request (or the target, if above 100 %).
        long fallbackPercent = Math.Max(100, targetPercent);
        long newUsage = usage, newRequest = request;
        int counted = ready;
        foreach (var p in pods)
        {
            if (p.Unready ? scaleUpWithUnready : p.Value is null && ratio != 1.0)
            {
                if (!p.Unready && ratio < 1.0) newUsage += p.Request * fallbackPercent / 100;
                newRequest += p.Request;
                counted++;
            }
        }
        double newRatio = (double)(newUsage * 100 / newRequest) / targetPercent;
        return new HpaProposal(true, Rebalanced(currentReplicas, ratio, newRatio, counted), utilization);
    }

    /// <summary>
    /// A Pods metric with an AverageValue target. Kubernetes works in milli-units (a quantity's
    /// MilliValue rounds up) and averages with integer division, so this does too.
    /// </summary>
    public static HpaProposal PodsAverage(int currentReplicas, double target, IReadOnlyList<HpaPodSample> pods)
    {
        long targetMilli = Milli(target), sum = 0;
        int ready = 0, missing = 0, unready = 0;
        foreach (var p in pods)
        {
            if (p.Unready) unready++;
            else if (p.Value is not { } v) missing++;
            else
            {
                ready++;
                sum += Milli(v);
            }
        }
        if (ready == 0 || targetMilli <= 0) return HpaProposal.Invalid;
        long average = sum / ready;
        double ratio = (double)average / targetMilli;

        bool scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing == 0)
            return new HpaProposal(true, WithinTolerance(ratio) ? currentReplicas : Ceil(ratio * ready), average / 1000.0);

        // On scale-down a pod without metrics is taken to be exactly at the target.
        long newSum = sum;
        int counted = ready;
        foreach (var p in pods)
        {
            if (p.Unready ? scaleUpWithUnready : p.Value is null && ratio != 1.0)
            {
                if (!p.Unready && ratio < 1.0) newSum += targetMilli;
                counted++;
            }
        }
        double newRatio = (double)(newSum / counted) / targetMilli;
        return new HpaProposal(true, Rebalanced(currentReplicas, ratio, newRatio, counted), average / 1000.0);
    }

    /// <summary>|ratio − 1| ≤ tolerance.</summary>
    public static bool WithinTolerance(double ratio) => 1.0 - Tolerance <= ratio && ratio <= 1.0 + Tolerance;

    /// <summary>
    /// The substituted ratio decides only if it stays out of tolerance and keeps the direction of the
    /// first one, and the count over all pods it covered does not turn the direction either.
    /// </summary>
    private static int Rebalanced(int currentReplicas, double ratio, double newRatio, int counted)
    {
        if (WithinTolerance(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
            return currentReplicas;
        int replicas = Ceil(newRatio * counted);
        if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas))
            return currentReplicas;
        return replicas;
    }

    /// <summary>Rounds up like Quantity.MilliValue; the epsilon keeps binary noise (0.1 · 1000) from adding a milli.</summary>
    private static long Milli(double value) => (long)Math.Ceiling(value * 1000 - 1e-9);

    private static int Ceil(double x) => x >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(x);
}
