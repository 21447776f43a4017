using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// The kubelet's readiness probe of every pod that serves requests, with Kubernetes' defaults
/// (core/v1 Probe): initialDelay 0, period 10 s, timeout 1 s, successThreshold 1,
/// failureThreshold 3. It lives beside <see cref="RequestServers"/> because what decides a probe
/// (the queue a new request would wait in) is the serving model's state, not the kubelet's.
/// <para>
/// A probe is an HTTP GET that waits in the pod's queue like any request; it fails when the wait
/// a new request would see now exceeds the timeout, estimated as the requests queued ahead of it /
/// servers × the mean request cost. The work left on the requests in service is left out, so
/// only a backlog fails a probe: a pod busy with one long request is not overloaded, and would
/// otherwise flap whenever its request cost exceeds the timeout. The probe's own work is negligible.
/// </para>
/// <para>
/// Three failures in a row turn ContainersReady and Ready False (kubelet status manager: a
/// container whose readiness result is Failure is unready), so the EndpointSlice controller takes
/// the pod out of the endpoints and it gets no new connections; the container keeps running and
/// serving what it already has. One success turns both True again. Each failure records Warning
/// Unhealthy, as prober.go does.
/// </para>
/// <para>
/// With initialDelay 0 the kubelet's first probe runs as the container starts; the pod's queue is
/// empty then, so that probe passes and the pod is Ready at start as it is without probes. The
/// later probes come every period from the start (one timer per serving pod). They are
/// housekeeping: they never keep a finished run alive.
/// </para>
/// </summary>
internal sealed class ReadinessProbes(ClusterStore store) : IEventHandler
{
    public static readonly SimDuration Period = SimDuration.FromSeconds(10);
    public static readonly SimDuration Timeout = SimDuration.FromSeconds(1);
    public const int FailureThreshold = 3;
    public const int SuccessThreshold = 1;

    private readonly Simulation _sim = store.Simulation;
    private readonly Dictionary<PodServer, Probe> _probes = new(ReferenceEqualityComparer.Instance);

    private sealed class Probe
    {
        public EventHandle Timer;
        public int Failures;
        public int Successes;

        /// <summary>True while this prober holds the pod unready (its container still runs).</summary>
        public bool Unready;
    }

    /// <summary>Probe timers pending: one per serving pod.</summary>
    public int Armed => _probes.Count;

    /// <summary>True if the pod's ContainersReady is False because of its probe, not because its container stopped.</summary>
    public bool HoldsUnready(PodServer server) => _probes.TryGetValue(server, out var p) && p.Unready;

    /// <summary>A pod started serving: its probes run every period from now.</summary>
    public void Start(PodServer server)
    {
        var probe = new Probe();
        probe.Timer = _sim.ScheduleAfter(Period, this, server);
        _probes.Add(server, probe);
    }

    /// <summary>A pod stopped serving (its container or node is gone): no more probes.</summary>
    public void Stop(PodServer server)
    {
        if (!_probes.Remove(server, out var probe)) return;
        _sim.Cancel(probe.Timer);
    }

    public void OnEvent(object? state, long arg)
    {
        var server = (PodServer)state!;
        if (!_probes.TryGetValue(server, out var probe)) return;
        probe.Timer = _sim.ScheduleAfter(Period, this, server);
        double wait = ExpectedWait(server);
        if (wait > Timeout.Microseconds) Failed(server, probe, wait);
        else Succeeded(server, probe);
    }

    private static double ExpectedWait(PodServer server) =>
        (double)server.Queued / server.Concurrency * server.MeanServiceMicroseconds;

    private void Failed(PodServer server, Probe probe, double wait)
    {
        probe.Successes = 0;
        probe.Failures++;
        var pod = server.Pod;
        // prober.go's message for an HTTP probe that timed out.
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Readiness probe failed: Get \"http://{pod.Status.PodIP}:8080/\": context deadline exceeded (queue wait {wait / 1e6:0.###}s > {Timeout})");
        store.RecordEvent(EventType.Warning, "Unhealthy", "Pod", pod.Key, message, Kubelet.Kubelet.ComponentName);
        if (probe.Unready || probe.Failures < FailureThreshold) return;
        probe.Unready = true;
        Kubelet.ContainerLifecycle.SetNotReady(pod, _sim.Now);
        store.UpdatePodStatus(pod);
    }

    private void Succeeded(PodServer server, Probe probe)
    {
        probe.Failures = 0;
        probe.Successes++;
        if (!probe.Unready || probe.Successes < SuccessThreshold) return;
        probe.Unready = false;
        var pod = server.Pod;
        var now = _sim.Now;
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.True, now);
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.True, now);
        store.UpdatePodStatus(pod);
    }
}
