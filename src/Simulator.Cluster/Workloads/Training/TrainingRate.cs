using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>
/// How fast a data-parallel job trains on the workers it has: the throughput table's steps per
/// second for the job's total accelerators on each worker's accelerator type, the slowest of
/// them (synchronous SGD waits for the slowest worker at every all-reduce), times the scatter
/// penalty when the workers are on more than one node.
/// </summary>
internal static class TrainingRate
{
    /// <summary>
    /// ksim's default <c>ksim.dev/scatter-penalty</c>. Blox (Agarwal et al., EuroSys '24) models
    /// spreading with per-model factors we do not have measurements for; 0.8 is the single factor
    /// the issue asks for: a gradient all-reduce over the data-centre network instead of NVLink or
    /// PCIe inside one server costs a data-parallel job a fifth of its speed.
    /// </summary>
    public const double DefaultScatterPenalty = 0.8;

    /// <summary>One computation's outcome: the rate, or why there is none.</summary>
    public readonly record struct Result(double StepsPerSecond, int Accelerators, double GpuEquivalents, string? Problem);

    /// <summary>
    /// The rate of <paramref name="spec"/> on <paramref name="workers"/> (all up, all bound), with
    /// each worker's accelerator type added to <paramref name="types"/>.
    /// </summary>
    public static Result For(TrainingSpec spec, IReadOnlyList<Pod> workers, ClusterStore store, ThroughputTable table, List<string> types)
    {
        int total = 0;
        double equivalents = 0;
        for (int i = 0; i < workers.Count; i++)
        {
            var held = WorkerAccelerators.Of(workers[i]);
            total += held.Count;
            equivalents += held.GpuEquivalents;
        }
        double rate = double.PositiveInfinity;
        bool scattered = false;
        for (int i = 0; i < workers.Count; i++)
        {
            var pod = workers[i];
            if (i > 0 && pod.Spec.NodeName != workers[0].Spec.NodeName) scattered = true;
            var label = store.GetNode(pod.Spec.NodeName) is { } node ? AcceleratorLabels.AcceleratorOf(node) : null;
            var type = table.ResolveAccelerator(label);
            if (type is null)
                return new(0, total, equivalents, $"node {pod.Spec.NodeName} has no accelerator the throughput table knows (label \"{label ?? ""}\")");
            if (!types.Contains(type)) types.Add(type);
            if (table.StepsPerSecond(spec.Model, total, type) is not { } tableRate)
                return new(0, total, equivalents, $"the throughput table has no rate for {spec.Model} on {total} x {type}");
            rate = Math.Min(rate, tableRate * WorkerAccelerators.Of(pod).Share);
        }
        if (workers.Count == 0 || rate <= 0) return new(0, total, equivalents, "the workers hold no accelerator");
        if (scattered) rate *= spec.ScatterPenalty ?? DefaultScatterPenalty;
        return new(rate, total, equivalents, null);
    }
}
