using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One HorizontalPodAutoscaler at one metrics sample: one row of hpa.csv.
/// <see cref="CurrentReplicas"/> is the target's spec.replicas at <see cref="Time"/> (the scale
/// subresource), not status.currentReplicas, which only moves at the controller's next sync and so
/// lags a rescale by one sync period; it falls back to the status while the target is missing.
/// <see cref="DesiredReplicas"/> is status.desiredReplicas, the controller's last decision.
/// <see cref="MetricValue"/> is the first metric's last measured value (percent of request for CPU,
/// value per pod for a pods metric), null until the controller has measured it.
/// </summary>
public sealed record HpaSample(
    SimTime Time,
    string Namespace,
    string Name,
    string TargetKind,
    string TargetName,
    int MinReplicas,
    int MaxReplicas,
    int CurrentReplicas,
    int DesiredReplicas,
    double? MetricValue);
