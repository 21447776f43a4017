using Simulator.Cluster.Api;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Networking.NetworkTestKit;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>
/// The readiness probe of serving pods (reference §4 probe defaults: period 10 s, timeout 1 s,
/// failureThreshold 3, successThreshold 1; fact 14: an unready pod gets no new connections after
/// 3 probe failures, ≈30 s). Real router and EndpointSlice controller throughout.
/// </summary>
public class ReadinessProbeTests
{
    private static SimDuration S(int seconds) => SimDuration.FromSeconds(seconds);

    /// <summary>Records every routing decision, with its time, on the way to the real router.</summary>
    private sealed class RecordingRouter(IRequestRouter inner, Simulation sim) : IRequestRouter
    {
        public List<(SimTime At, string Pod)> Routes { get; } = [];

        public Service? Resolve(string dnsName, string ns) => inner.Resolve(dnsName, ns);

        public Pod? Route(Service service, int clientId, out RequestFailure failure)
        {
            var pod = inner.Route(service, clientId, out failure);
            if (pod is not null) Routes.Add((sim.Now, pod.Name));
            return pod;
        }

        public void ConnectionOpened(Pod pod) => inner.ConnectionOpened(pod);

        public void ConnectionClosed(Pod pod) => inner.ConnectionClosed(pod);
    }

    private static Pod ServingPod(string name, string cost)
    {
        var built = new PodBuilder(name).Cpu("1").Build(); // 1 CPU: one server
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = built.Spec,
            Workload = built.Workload with { RequestCost = new RequestCost(SimDuration.Parse(cost)) },
        };
    }

    private static SimTime ReadySince(Pod pod, out ConditionStatus status)
    {
        var ready = pod.Status.GetCondition(PodConditionType.Ready)!;
        status = ready.Status;
        return ready.LastTransitionTime;
    }

    [Fact]
    public void Overloaded_pod_fails_3_probes_and_gets_no_new_connections_about_30s_later_then_recovers_after_draining()
    {
        var cluster = new TestCluster(seed: 5).Nodes(new NodeBuilder("a").Cpu("8"));
        // "slow" serves 4 requests/s, "fast" 100/s; round robin sends each 6/s of 12/s, so slow's
        // queue grows by about 2 per second while fast idles at 6 % busy.
        var slow = ServingPod("slow", "250ms");
        var fast = ServingPod("fast", "10ms");
        cluster.Store.CreatePod(slow);
        cluster.Store.CreatePod(fast);
        var svc = NewService("web", "web", LoadBalancingMode.RoundRobin);
        cluster.Store.Services.Create(svc);
        var router = new RecordingRouter(cluster.Sim.Router, cluster.Engine);
        cluster.Sim.Traffic.Router = router;

        cluster.RunTo("5s");
        var t0 = ReadySince(slow, out var status); // the container's start: probes come at t0 + 10 s, 20 s, ...
        Assert.Equal(ConditionStatus.True, status);
        Assert.Equal(t0, ReadySince(fast, out _)); // same node, same start
        Assert.Equal(TestCluster.At("1s"), t0); // bound at once, no image to pull, 1 s container start

        // Overload from t0 + 12 s: at the probe at t0 + 20 s about 16 requests wait (≈4 s > 1 s).
        var overload = t0 + S(12);
        cluster.Sim.AddTraffic(new Traffic
        {
            Name = "load",
            Target = "web",
            Pattern = new TrafficPattern { Rate = 12 },
            Start = overload,
            End = t0 + S(120),
        });

        // Probes at t0 + 20 s and 30 s fail but the pod stays Ready (failureThreshold 3).
        cluster.Engine.RunUntil(t0 + S(40) - SimDuration.FromMicroseconds(1));
        ReadySince(slow, out status);
        Assert.Equal(ConditionStatus.True, status);
        Assert.Equal([t0 + S(20), t0 + S(30)], cluster.EventsFor(slow, "Unhealthy").Select(e => e.Time));
        Assert.Equal((2, 0, 0), cluster.Counts(svc));

        // The third failed probe, at t0 + 40 s (28 s into the overload): NotReady, out of the endpoints.
        cluster.Engine.RunUntil(t0 + S(40));
        var notReadyAt = ReadySince(slow, out status);
        Assert.Equal(ConditionStatus.False, status);
        Assert.Equal(t0 + S(40), notReadyAt);
        Assert.Equal(ConditionStatus.False, slow.Status.GetCondition(PodConditionType.ContainersReady)!.Status);
        Assert.Equal(PodPhase.Running, slow.Status.Phase);
        Assert.Equal((1, 0, 1), cluster.Counts(svc));
        var unhealthy = cluster.EventsFor(slow, "Unhealthy").ToList();
        Assert.Equal(3, unhealthy.Count);
        Assert.All(unhealthy, e => Assert.StartsWith("Readiness probe failed: ", e.Message, StringComparison.Ordinal));

        // Still unready at t0 + 50 s (its backlog of ~56 requests takes ~14 s to drain); the
        // first probe after the drain, at t0 + 60 s, passes and one success makes it Ready again.
        cluster.Engine.RunUntil(t0 + S(60) - SimDuration.FromMicroseconds(1));
        ReadySince(slow, out status);
        Assert.Equal(ConditionStatus.False, status);
        cluster.Engine.RunUntil(t0 + S(60));
        var readyAgainAt = ReadySince(slow, out status);
        Assert.Equal(ConditionStatus.True, status);
        Assert.Equal(t0 + S(60), readyAgainAt);
        Assert.Equal((2, 0, 0), cluster.Counts(svc));

        // While it was unready its queue drained and every new connection went to fast; it
        // served the requests it already held (none failed: the container kept running).
        var routedToSlow = router.Routes.Where(r => r.Pod == "slow").Select(r => r.At).ToList();
        Assert.Contains(routedToSlow, at => at >= overload && at < notReadyAt);
        Assert.DoesNotContain(routedToSlow, at => at > notReadyAt && at < readyAgainAt);
        Assert.Contains(router.Routes, r => r.Pod == "fast" && r.At > notReadyAt && r.At < readyAgainAt);
        Assert.Equal(0, cluster.Sim.Requests.Summarize().Failed.Total);

        // Ready again, it gets its share of new connections at once.
        cluster.Engine.RunUntil(t0 + S(61));
        Assert.Contains(router.Routes, r => r.Pod == "slow" && r.At > readyAgainAt);
    }

    [Fact]
    public void Idle_serving_pod_passes_every_probe_and_stays_ready()
    {
        var cluster = new TestCluster(seed: 5).Nodes(new NodeBuilder("a").Cpu("8"));
        var pod = ServingPod("idle", "250ms");
        cluster.Store.CreatePod(pod);
        cluster.Store.Services.Create(NewService("web", "web"));

        cluster.RunTo("10m");

        var since = ReadySince(pod, out var status);
        Assert.Equal(ConditionStatus.True, status);
        Assert.True(since < TestCluster.At("5s"), $"Ready since {since}: never flipped");
        Assert.Empty(cluster.EventsFor(pod, "Unhealthy"));
    }

    [Fact]
    public void Probe_timers_never_keep_a_finished_run_alive()
    {
        var cluster = new TestCluster(new ClusterOptions { MaxRunTimeWithoutDuration = SimDuration.FromHours(2) })
            .Nodes(new NodeBuilder("a").Cpu("8"));
        cluster.Store.CreatePod(ServingPod("idle", "250ms"));

        var result = cluster.Sim.Run(end: null);

        Assert.Equal(Simulator.Cluster.Metrics.RunEnd.Quiescent, result.EndReason);
        Assert.True(result.EndTime < TestCluster.At("1m"), $"ended at {result.EndTime}");
    }
}
