namespace Simulator.Cluster.Scheduling.Fragmentation;

/// <summary>
/// A pod's shape as the FGD paper classifies pods: CPU, the share of each GPU (thousandths; 1000 =
/// whole GPUs), the GPU count, and the GPU models it may use ("" = any; '|'-separated otherwise).
/// </summary>
public readonly record struct PodShape(long CpuMilli, int GpuMilli, int GpuCount, string GpuModels);

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

    /// <summary>The shapes covering <paramref name="coverage"/> of <paramref name="pods"/>.</summary>
    public static TargetWorkload FromPods(IEnumerable<PodShape> pods, double coverage = 0.95) =>
        throw new NotImplementedException("built with the FGD policy");
}
