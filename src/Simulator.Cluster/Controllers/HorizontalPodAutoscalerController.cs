using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Workloads;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's horizontal-pod-autoscaler controller (autoscaling/v2). Every 15 s of
/// virtual time (on multiples of 15 s) each HPA is reconciled in creation order: the target's
/// replicas are checked against [min, max], every metric proposes a count from the target's pods
/// (<see cref="ReplicaCalculator"/>), the largest proposal wins, and <see cref="HpaScaleLimits"/>
/// stabilizes and rate-limits it before the target's spec.replicas is written.
/// <para>
/// Metrics come from <see cref="PodMetrics"/>; while it is null (no serving model) syncs stop
/// short of the calculation with one FailedComputeMetricsReplicas warning per HPA. Not
/// simulated: status conditions, the metric-window check for pods that became ready within the
/// CPU initialization period, and per-direction configurable tolerance.
/// </para>
/// </summary>
public sealed class HorizontalPodAutoscalerController : IObjectWatcher<HorizontalPodAutoscaler>, IEventHandler, IHousekeeping
{
    public const string ComponentName = "horizontal-pod-autoscaler";

    /// <summary>horizontal-pod-autoscaler-sync-period.</summary>
    public static readonly SimDuration SyncPeriod = SimDuration.FromSeconds(15);

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly ILogger _log;
    private readonly Dictionary<string, HpaHistory> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastWarning = new(StringComparer.Ordinal);
    private readonly HpaPods _pods;
    private readonly List<HpaPodSample> _samples = [];
    private EventHandle _timer;

    public HorizontalPodAutoscalerController(ClusterStore store, ILogger? logger = null)
    {
        _store = store;
        _sim = store.Simulation;
        _log = logger ?? NullLogger.Instance;
        _pods = new HpaPods(store);
        store.HorizontalPodAutoscalers.Watch(this);
    }

    /// <summary>
    /// metrics-server and the custom-metrics adapter in one: set by whoever models the pods' load
    /// (the serving model). Null means no metrics, so no HPA ever scales on them.
    /// </summary>
    public IPodMetrics? PodMetrics { get; set; }

    /// <summary>The sync timer ticks for ever while any HPA exists; it never keeps a finished run alive.</summary>
    public int ArmedHousekeepingTimers => _sim.IsPending(_timer) ? 1 : 0;

    public void OnObjectEvent(WatchEventType type, HorizontalPodAutoscaler hpa)
    {
        if (type == WatchEventType.Deleted)
        {
            _history.Remove(hpa.Metadata.Key);
            _lastWarning.Remove(hpa.Metadata.Key);
            return;
        }
        Arm();
    }

    public void OnEvent(object? state, long arg)
    {
        var hpas = _store.HorizontalPodAutoscalers.Items;
        for (int i = 0; i < hpas.Count; i++) Reconcile(hpas[i]);
        if (hpas.Count > 0) Arm();
    }

    /// <summary>Schedules the next tick on the next multiple of the sync period, unless one is pending.</summary>
    private void Arm()
    {
        if (_sim.IsPending(_timer)) return;
        long period = SyncPeriod.Microseconds;
        _timer = _sim.Schedule(new SimTime((_sim.Now.Microseconds / period + 1) * period), this);
    }

    /// <summary>reconcileAutoscaler.</summary>
    private void Reconcile(HorizontalPodAutoscaler hpa)
    {
        var key = hpa.Metadata.Key;
        var targetKey = hpa.Metadata.Namespace + "/" + hpa.Spec.TargetName;
        IApiObject? target = hpa.Spec.TargetKind switch
        {
            "Deployment" => _store.Deployments.Get(targetKey),
            "ReplicaSet" => _store.ReplicaSets.Get(targetKey),
            _ => null,
        };
        if (target is null)
        {
            Warn(hpa, "FailedGetScale", $"{Resource(hpa.Spec.TargetKind)} \"{hpa.Spec.TargetName}\" not found");
            return;
        }
        // The scale subresource: spec.replicas, and the selector that finds the target's pods.
        var (current, selector) = target switch
        {
            Deployment d => (d.Spec.Replicas, d.Spec.Selector),
            ReplicaSet rs => (rs.Spec.Replicas, rs.Spec.Selector),
            _ => throw new InvalidOperationException($"cannot scale a {target.Kind}"),
        };
        if (!_history.TryGetValue(key, out var history))
        {
            // recordInitialRecommendation: the size found at the first sync is the first recommendation.
            _history[key] = history = new HpaHistory();
            history.Recommendations.Add((_sim.Now, current));
        }

        var spec = hpa.Spec;
        int desired;
        string reason = "";
        List<double>? metrics = null;
        if (current == 0 && spec.MinReplicas != 0)
        {
            // A target scaled to zero by hand has autoscaling disabled.
            UpdateStatus(hpa, current, 0, hpa.Status.CurrentMetrics, rescaled: false);
            return;
        }
        if (current > spec.MaxReplicas)
        {
            desired = spec.MaxReplicas;
            reason = "Current number of replicas above Spec.MaxReplicas";
        }
        else if (current < spec.MinReplicas)
        {
            desired = spec.MinReplicas;
            reason = "Current number of replicas below Spec.MinReplicas";
        }
        else
        {
            if (!ComputeReplicasForMetrics(hpa, current, selector, out int proposed, out var metricName, out metrics))
            {
                UpdateStatus(hpa, current, hpa.Status.DesiredReplicas, metrics ?? hpa.Status.CurrentMetrics, rescaled: false);
                return;
            }
            _lastWarning.Remove(key);
            if (proposed > current) reason = metricName + " above target";
            else if (proposed < current) reason = "All metrics below target";
            desired = spec.Behavior is null
                ? HpaScaleLimits.Legacy(history, _sim.Now, current, proposed, spec.MinReplicas, spec.MaxReplicas)
                : HpaScaleLimits.WithBehavior(history, spec.Behavior, _sim.Now, current, proposed, spec.MinReplicas, spec.MaxReplicas);
        }

        bool rescale = desired != current;
        if (rescale)
        {
            Scale(target, desired);
            var message = $"New size: {desired}; reason: {reason}";
            if (_log.IsEnabled(LogLevel.Information))
                _log.LogInformation("{Time} {Hpa}: {Message}", _sim.Now, key, message);
            _store.RecordEvent(EventType.Normal, "SuccessfulRescale", hpa.Kind, key, message, ComponentName);
            HpaScaleLimits.RecordScale(history, spec.Behavior, _sim.Now, current, desired);
        }
        UpdateStatus(hpa, current, rescale ? desired : current, metrics ?? hpa.Status.CurrentMetrics, rescale);
    }

    /// <summary>
    /// computeReplicasForMetrics: the largest valid proposal (the first metric to reach it names
    /// the reason). Invalid metrics stop the sync when all are invalid, or when the valid ones
    /// would scale down, since the missing ones might have asked for more.
    /// </summary>
    private bool ComputeReplicasForMetrics(HorizontalPodAutoscaler hpa, int current, LabelSelector selector,
        out int replicas, out string metricName, out List<double>? statuses)
    {
        replicas = 0;
        metricName = "";
        statuses = null;
        if (PodMetrics is not { } source)
        {
            Warn(hpa, "FailedComputeMetricsReplicas", "no pod metrics source: nothing in this simulation reports pod metrics");
            return false;
        }
        var metrics = hpa.Spec.Metrics;
        statuses = new List<double>(metrics.Count);
        int invalid = 0;
        string firstError = "";
        for (int i = 0; i < metrics.Count; i++)
        {
            var m = metrics[i];
            var noRequest = _pods.Collect(_samples, hpa.Metadata.Namespace, selector, m, source);
            var proposal = m.Type == HpaMetricType.ResourceCpuUtilization
                ? ReplicaCalculator.CpuUtilization(current, (int)m.Target, _samples)
                : ReplicaCalculator.PodsAverage(current, m.Target, _samples);
            statuses.Add(proposal.Current);
            if (!proposal.Valid)
            {
                if (invalid++ == 0) firstError = MetricError(m, noRequest);
                continue;
            }
            if (replicas == 0 || proposal.Replicas > replicas)
            {
                replicas = proposal.Replicas;
                metricName = m.Type == HpaMetricType.ResourceCpuUtilization
                    ? $"{m.Name} resource utilization (percentage of request)"
                    : $"pods metric {m.Name}";
            }
        }
        if (invalid >= metrics.Count || (invalid > 0 && replicas < current))
        {
            Warn(hpa, "FailedComputeMetricsReplicas", $"invalid metrics ({invalid} invalid out of {metrics.Count}), first error is: {firstError}");
            return false;
        }
        return true;
    }

    private static string MetricError(HpaMetric m, (Pod Pod, string Container)? noRequest)
    {
        if (m.Type != HpaMetricType.ResourceCpuUtilization)
            return "failed to get pods metric value: " + NoMetrics;
        var cause = noRequest is { } n
            ? $"missing request for {m.Name} in container {n.Container} of Pod {n.Pod.Name}"
            : NoMetrics;
        return $"failed to get {m.Name} resource metric value: failed to get {m.Name} utilization: {cause}";
    }

    private const string NoMetrics = "did not receive metrics for targeted pods (pods might be unready)";

    /// <summary>The scale subresource's update: only spec.replicas changes.</summary>
    private void Scale(IApiObject target, int replicas)
    {
        if (target is Deployment d)
        {
            d.Spec.Replicas = replicas;
            _store.Deployments.Update(d);
        }
        else
        {
            var rs = (ReplicaSet)target;
            rs.Spec.Replicas = replicas;
            _store.ReplicaSets.Update(rs);
        }
    }

    /// <summary>setStatus + updateStatusIfNeeded: written only when something changed.</summary>
    private void UpdateStatus(HorizontalPodAutoscaler hpa, int current, int desired, List<double> metrics, bool rescaled)
    {
        var s = hpa.Status;
        if (s.CurrentReplicas == current && s.DesiredReplicas == desired && !rescaled && s.CurrentMetrics.SequenceEqual(metrics))
            return;
        s.CurrentReplicas = current;
        s.DesiredReplicas = desired;
        if (rescaled) s.LastScaleTime = _sim.Now;
        if (!ReferenceEquals(metrics, s.CurrentMetrics))
        {
            s.CurrentMetrics.Clear();
            s.CurrentMetrics.AddRange(metrics);
        }
        _store.HorizontalPodAutoscalers.Update(hpa);
    }

    /// <summary>Kubernetes repeats a warning every sync (the event recorder counts them); ksim records it once until it changes or clears.</summary>
    private void Warn(HorizontalPodAutoscaler hpa, string reason, string message)
    {
        var key = hpa.Metadata.Key;
        if (_lastWarning.TryGetValue(key, out var last) && last == message) return;
        _lastWarning[key] = message;
        if (_log.IsEnabled(LogLevel.Warning))
            _log.LogWarning("{Time} {Hpa}: {Reason}: {Message}", _sim.Now, key, reason, message);
        _store.RecordEvent(EventType.Warning, reason, hpa.Kind, key, message, ComponentName);
    }

    private static string Resource(string kind) => kind switch
    {
        "Deployment" => "deployments.apps",
        "ReplicaSet" => "replicasets.apps",
        _ => kind.ToLowerInvariant(),
    };
}
