namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>NodeResourcesFit's scoringStrategy.type.</summary>
public enum ScoringStrategyType
{
    LeastAllocated,
    MostAllocated,
    RequestedToCapacityRatio,
}

/// <summary>A resource NodeResourcesFit scores, with its weight (scoringStrategy.resources[]).</summary>
public sealed record ResourceWeight(string Name, int Weight);

/// <summary>
/// How NodeResourcesFit scores a node: a per-resource score (requested amount including the
/// incoming pod, allocatable amount -> 0..100), and how the weighted per-resource scores combine.
/// LeastAllocated and MostAllocated take Σw·s/Σw with integer division over every scored resource;
/// RequestedToCapacityRatio leaves out resources that score 0 and rounds the mean
/// (requested_to_capacity_ratio.go: math.Round(nodeScore / weightSum)).
/// </summary>
public sealed record ScoringStrategy(Func<long, long, long> ResourceScore, bool RoundedMeanOfPositiveScores);

/// <summary>
/// The strategies, as a table rather than a class hierarchy (kube-scheduler's
/// nodeResourceStrategyTypeMap): each entry builds the strategy from the plugin's args.
/// </summary>
public static class ScoringStrategies
{
    public static readonly IReadOnlyDictionary<ScoringStrategyType, Func<NodeResourcesFitArgs, ScoringStrategy>> Table =
        new Dictionary<ScoringStrategyType, Func<NodeResourcesFitArgs, ScoringStrategy>>
        {
            [ScoringStrategyType.LeastAllocated] = _ => new ScoringStrategy(LeastAllocated, false),
            [ScoringStrategyType.MostAllocated] = _ => new ScoringStrategy(MostAllocated, false),
            [ScoringStrategyType.RequestedToCapacityRatio] = args => new ScoringStrategy(
                RequestedToCapacityRatio(args.Shape ?? throw new ArgumentException("RequestedToCapacityRatio needs a shape", nameof(args))), true),
        };

    /// <summary>(allocatable - requested) * 100 / allocatable; 0 when over-requested or nothing allocatable.</summary>
    public static long LeastAllocated(long requested, long allocatable)
    {
        if (allocatable == 0 || requested > allocatable) return 0;
        return (allocatable - requested) * ScoreNormalizer.MaxNodeScore / allocatable;
    }

    /// <summary>min(requested, allocatable) * 100 / allocatable; 0 when nothing allocatable.</summary>
    public static long MostAllocated(long requested, long allocatable)
    {
        if (allocatable == 0) return 0;
        return Math.Min(requested, allocatable) * ScoreNormalizer.MaxNodeScore / allocatable;
    }

    /// <summary>
    /// kube-scheduler's MaxCustomPriorityScore: a shape's scores run 0..10 and are multiplied by
    /// MaxNodeScore / 10 = 10 before use.
    /// </summary>
    public const int MaxCustomPriorityScore = 10;

    /// <summary>
    /// RequestedToCapacityRatio's per-resource score: utilization u = requested * 100 / allocatable
    /// (integer division; 100 when over-requested or nothing allocatable), then the shape at u.
    /// </summary>
    public static Func<long, long, long> RequestedToCapacityRatio(IReadOnlyList<UtilizationShapePoint> shape)
    {
        var scaled = new UtilizationShapePoint[shape.Count];
        for (int i = 0; i < shape.Count; i++)
            scaled[i] = shape[i] with { Score = shape[i].Score * (int)(ScoreNormalizer.MaxNodeScore / MaxCustomPriorityScore) };
        return (requested, allocatable) =>
        {
            const long maxUtilization = 100;
            if (allocatable == 0 || requested > allocatable) return BrokenLinear(scaled, maxUtilization);
            return BrokenLinear(scaled, requested * maxUtilization / allocatable);
        };
    }

    /// <summary>
    /// helper.BuildBrokenLinearFunction: the first point's score up to its utilization, the last
    /// point's score beyond the last, and in between s[i-1] + (s[i] - s[i-1]) * (u - u[i-1]) / (u[i] - u[i-1])
    /// with integer division (truncating toward zero, as Go does, so a falling segment rounds up).
    /// </summary>
    public static long BrokenLinear(IReadOnlyList<UtilizationShapePoint> shape, long utilization)
    {
        for (int i = 0; i < shape.Count; i++)
        {
            if (utilization > shape[i].Utilization) continue;
            if (i == 0) return shape[0].Score;
            var (u0, s0) = (shape[i - 1].Utilization, (long)shape[i - 1].Score);
            var (u1, s1) = (shape[i].Utilization, (long)shape[i].Score);
            return s0 + (s1 - s0) * (utilization - u0) / (u1 - u0);
        }
        return shape[^1].Score;
    }
}
