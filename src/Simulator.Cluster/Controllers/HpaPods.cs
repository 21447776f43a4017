using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Workloads;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The HPA controller's pod informer (indexed by namespace, as its lister is) and groupPods: which
/// of a target's pods count, which are unready, and what the metrics source says about each.
/// </summary>
internal sealed class HpaPods : IPodWatcher
{
    /// <summary>horizontal-pod-autoscaler-cpu-initialization-period.</summary>
    public static readonly SimDuration CpuInitializationPeriod = SimDuration.FromMinutes(5);

    /// <summary>horizontal-pod-autoscaler-initial-readiness-delay.</summary>
    public static readonly SimDuration InitialReadinessDelay = SimDuration.FromSeconds(30);

    private readonly Simulation _sim;
    private readonly Dictionary<string, Dictionary<string, Pod>> _byNamespace = new(StringComparer.Ordinal);

    public HpaPods(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Watch(this);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        var ns = pod.Metadata.Namespace;
        if (type == WatchEventType.Deleted)
        {
            if (_byNamespace.TryGetValue(ns, out var gone)) gone.Remove(pod.Key);
            return;
        }
        if (!_byNamespace.TryGetValue(ns, out var pods))
            _byNamespace[ns] = pods = new Dictionary<string, Pod>(StringComparer.Ordinal);
        pods[pod.Key] = pod;
    }

    /// <summary>
    /// Fills <paramref name="samples"/> with the target's pods that are neither deleted nor finished;
    /// Pending ones are unready. For CPU a pod with metrics is also unready without a Ready
    /// condition or start time, if Ready=False within the initialization period, or if it has
    /// been Ready=False since its initial readiness delay. Returns a pod whose container has no
    /// CPU request (Kubernetes cannot compute utilization then), if any.
    /// </summary>
    public (Pod Pod, string Container)? Collect(List<HpaPodSample> samples, string ns, LabelSelector selector, HpaMetric metric, IPodMetrics source)
    {
        samples.Clear();
        (Pod, string)? noRequest = null;
        if (!_byNamespace.TryGetValue(ns, out var pods)) return null;
        bool cpu = metric.Type == HpaMetricType.ResourceCpuUtilization;
        foreach (var pod in pods.Values)
        {
            if (pod.IsTerminal || pod.IsTerminating || !selector.Matches(pod.Metadata.Labels)) continue;
            long request = pod.Requests.Get(ResourceNames.Cpu);
            if (cpu && noRequest is null)
            {
                foreach (var c in pod.Spec.Containers)
                {
                    if (c.Requests.Get(ResourceNames.Cpu) > 0) continue;
                    noRequest = (pod, c.Name);
                    break;
                }
            }
            if (pod.Status.Phase == PodPhase.Pending)
            {
                samples.Add(new HpaPodSample(true, request, null));
                continue;
            }
            double? value = null;
            if (cpu && source.TryGetCpuUsage(pod, out long milli)) value = milli;
            else if (!cpu && metric.Name == "requests_per_second" && source.TryGetRequestsPerSecond(pod, out double rate)) value = rate;
            samples.Add(new HpaPodSample(value is not null && cpu && IsCpuUnready(pod), request, value));
        }
        if (noRequest is not null) samples.Clear();
        return noRequest;
    }

    /// <summary>Without the metric window (IPodMetrics has none), a Ready pod inside the initialization period always counts.</summary>
    private bool IsCpuUnready(Pod pod)
    {
        var ready = pod.Status.GetCondition(PodConditionType.Ready);
        if (ready is null || pod.Status.StartTime is not { } started) return true;
        if (started + CpuInitializationPeriod > _sim.Now) return ready.Status == ConditionStatus.False;
        return ready.Status == ConditionStatus.False && ready.LastTransitionTime < started + InitialReadinessDelay;
    }
}
