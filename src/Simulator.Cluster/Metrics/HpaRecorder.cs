using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// The autoscalers over time: at each sample of <see cref="MetricsRecorder"/>, one
/// <see cref="HpaSample"/> per HorizontalPodAutoscaler in the store, in creation order. Sampling
/// rides on the metrics timer rather than a timer of its own, so the rows line up with
/// timeseries.csv and the run's housekeeping count stays unchanged. It only reads the store.
/// </summary>
public sealed class HpaRecorder
{
    private const string RescaleReason = "SuccessfulRescale";

    private readonly ClusterStore _store;
    private readonly List<HpaSample> _rows = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _maxReplicasSeen;

    public HpaRecorder(ClusterStore store) => _store = store;

    /// <summary>By time, then by HPA in creation order.</summary>
    public IReadOnlyList<HpaSample> Samples => _rows;

    /// <summary>Records every HPA as it is now.</summary>
    public void Sample()
    {
        var now = _store.Simulation.Now;
        foreach (var hpa in _store.HorizontalPodAutoscalers.Items)
        {
            var spec = hpa.Spec;
            var status = hpa.Status;
            int current = TargetReplicas(hpa) ?? status.CurrentReplicas;
            double? metric = status.CurrentMetrics.Count > 0 ? status.CurrentMetrics[0] : null;
            _rows.Add(new HpaSample(now, hpa.Metadata.Namespace, hpa.Metadata.Name, spec.TargetKind, spec.TargetName,
                spec.MinReplicas, spec.MaxReplicas, current, status.DesiredReplicas, metric));
            _seen.Add(hpa.Metadata.Key);
            _maxReplicasSeen = Math.Max(_maxReplicasSeen, current);
        }
    }

    /// <summary>
    /// HPAs sampled at least once, the largest current replica count sampled, and the rescales
    /// among <paramref name="events"/> (every SuccessfulRescale, so none between samples is missed).
    /// </summary>
    public HpaSummary Summarize(IEnumerable<ClusterEvent> events)
    {
        int rescales = events.Count(e => e.Reason == RescaleReason);
        return new HpaSummary(_seen.Count, _maxReplicasSeen, rescales);
    }

    /// <summary>The scale subresource's spec.replicas, null when the target does not exist (yet).</summary>
    private int? TargetReplicas(HorizontalPodAutoscaler hpa)
    {
        var key = hpa.Metadata.Namespace + "/" + hpa.Spec.TargetName;
        return hpa.Spec.TargetKind switch
        {
            "Deployment" => _store.Deployments.Get(key)?.Spec.Replicas,
            "ReplicaSet" => _store.ReplicaSets.Get(key)?.Spec.Replicas,
            _ => null,
        };
    }
}
