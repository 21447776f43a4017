namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>A shape of the target workload with its share of the pods (the weights sum to 1).</summary>
public readonly record struct WeightedShape(PodShape Shape, double Weight);

/// <summary>
/// FGD's target workload: the distinct pod shapes that cover 95 % of the pods, most frequent
/// first, each weighted by its frequency among them.
/// </summary>
public sealed class TargetWorkload
{
    public TargetWorkload(IReadOnlyList<WeightedShape> shapes) => Shapes = shapes;

    public IReadOnlyList<WeightedShape> Shapes { get; }

    /// <summary>
    /// The shapes covering <paramref name="coverage"/> of <paramref name="pods"/>: shapes are
    /// counted, sorted by count (descending, then by CPU, GPU share, GPU count and models, so the
    /// order never depends on hashing), and taken until their pods reach the coverage; each
    /// weight is the shape's count over the count of the shapes taken, so the weights sum to 1.
    /// The paper's artifact grows the list ten shapes at a time; taking one at a time stops at the
    /// smallest list that covers, which is the set the paper describes.
    /// </summary>
    public static TargetWorkload FromPods(IEnumerable<PodShape> pods, double coverage = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coverage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(coverage, 1.0);
        var counts = new Dictionary<PodShape, long>();
        long total = 0;
        foreach (var pod in pods)
        {
            counts[pod] = counts.GetValueOrDefault(pod) + 1;
            total++;
        }
        var sorted = counts.ToList();
        sorted.Sort(static (a, b) =>
        {
            int c = b.Value.CompareTo(a.Value);
            return c != 0 ? c : Compare(a.Key, b.Key);
        });

        long covered = 0;
        int taken = 0;
        while (taken < sorted.Count && covered < coverage * total)
            covered += sorted[taken++].Value;
        var shapes = new WeightedShape[taken];
        for (int i = 0; i < taken; i++) shapes[i] = new WeightedShape(sorted[i].Key, (double)sorted[i].Value / covered);
        return new TargetWorkload(shapes);
    }

    private static int Compare(PodShape a, PodShape b)
    {
        int c = a.CpuMilli.CompareTo(b.CpuMilli);
        if (c == 0) c = a.GpuMilli.CompareTo(b.GpuMilli);
        if (c == 0) c = a.GpuCount.CompareTo(b.GpuCount);
        if (c == 0) c = string.CompareOrdinal(a.GpuModels, b.GpuModels);
        return c;
    }
}
