using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Workloads;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// What the running pods use, as opposed to what they request (allocation): utilization's
/// numerator at each metrics sample, for CPU and GPUs.
/// <list type="bullet">
/// <item>CPU: a serving pod (<c>ksim.dev/request-cost</c>) uses what its request servers were busy,
/// as metrics-server reports it to the HPA (0 before its first window); any other running pod
/// works flat out and uses its CPU request.</item>
/// <item>GPUs: a training pod's GPUs are in use only while its job trains (not while it waits for
/// the rest of its gang or reloads a checkpoint); any other running pod uses the whole GPUs it
/// holds (GPU shares, ksim.dev/gpu-milli, are not counted: their allocation is in gpu-milli).</item>
/// </list>
/// Only Running pods on Ready nodes count (a dead node's pods do no work). In the units of
/// <see cref="TimeSeriesRow.Requested"/>: CPU in millicores, GPUs whole.
/// </summary>
public sealed class ResourceUsage(ClusterStore store, Func<IPodMetrics?> podMetrics, Func<Pod, bool?> isComputing)
{
    public IReadOnlyDictionary<string, long> Now()
    {
        long cpu = 0, gpus = 0;
        foreach (var pod in store.Pods)
        {
            if (pod.Status.Phase != PodPhase.Running || pod.IsTerminating) continue;
            if (store.GetNode(pod.Spec.NodeName) is not { } node || !node.Status.IsReady()) continue;
            cpu += CpuOf(pod);
            var demand = GpuDemand.Of(pod);
            if (demand.Whole > 0 && isComputing(pod) != false) gpus += demand.Whole;
        }
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ResourceNames.Cpu] = cpu,
            [ResourceNames.NvidiaGpu] = gpus,
        };
    }

    private long CpuOf(Pod pod)
    {
        if (pod.Workload.RequestCost is null) return pod.Requests.Get(ResourceNames.Cpu);
        return podMetrics() is { } metrics && metrics.TryGetCpuUsage(pod, out var used) ? used : 0;
    }
}
