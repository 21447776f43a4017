namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>NodeResourcesFit's scoringStrategy.type.</summary>
public enum ScoringStrategyType
{
    LeastAllocated,
    MostAllocated,
}

/// <summary>A resource NodeResourcesFit scores, with its weight (scoringStrategy.resources[]).</summary>
public sealed record ResourceWeight(string Name, int Weight);

/// <summary>
/// The per-resource score functions, as a table rather than a class hierarchy
/// (kube-scheduler's nodeResourceStrategyTypeMap). Both take the requested amount including the
/// incoming pod, and the allocatable amount, and return 0..100.
/// </summary>
public static class ScoringStrategies
{
    public static readonly IReadOnlyDictionary<ScoringStrategyType, Func<long, long, long>> Table =
        new Dictionary<ScoringStrategyType, Func<long, long, long>>
        {
            [ScoringStrategyType.LeastAllocated] = LeastAllocated,
            [ScoringStrategyType.MostAllocated] = MostAllocated,
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
}
