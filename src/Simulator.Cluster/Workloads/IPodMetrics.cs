using Simulator.Cluster.Api;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// What metrics-server and a custom-metrics adapter would tell the HPA about a pod: CPU usage
/// (from how busy its request servers were over the recent window) and requests per second.
/// Implemented by the serving model; read by the HPA controller.
/// </summary>
public interface IPodMetrics
{
    /// <summary>CPU usage in millicores averaged over the metrics window; false if the pod has no metrics yet.</summary>
    bool TryGetCpuUsage(Pod pod, out long milliCpu);

    /// <summary>Requests completed per second over the metrics window; false if the pod has no metrics yet.</summary>
    bool TryGetRequestsPerSecond(Pod pod, out double rate);
}
