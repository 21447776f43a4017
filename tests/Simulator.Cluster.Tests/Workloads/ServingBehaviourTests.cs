using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>What happens to single requests: timeouts, pods that go away, refusals, and the metrics the HPA reads.</summary>
public class ServingBehaviourTests
{
    [Fact]
    public void An_overloaded_pod_times_requests_out_and_never_answers_later_than_the_timeout()
    {
        var h = new ServingHarness(seed: 3);
        h.AddPod("web-0", "1s", concurrency: 1);
        h.Traffic(2, timeout: SimDuration.FromSeconds(3));
        h.Cluster.RunTo("1h");

        var s = h.Stats;
        var summary = h.Cluster.Sim.Requests.Summarize();
        Assert.True(s.Failed[ServiceStatsIndex(RequestFailure.Timeout)] > 1000, "about half the requests must time out");
        Assert.True(summary.P99Seconds <= 3.0, $"p99 {summary.P99Seconds}");
        // Conservation: every arrival is completed, failed, or still in flight.
        Assert.Equal(s.Arrivals, s.Completed + s.Failed.Sum() + h.Cluster.Sim.Traffic.Servers.Requests.InFlight);
        Assert.Equal(h.Cluster.Sim.Traffic.Servers.Requests.InFlight, h.Router.OpenConnections);
    }

    /// <summary>A service time longer than the timeout: the request fails at its deadline and frees the server then.</summary>
    [Fact]
    public void A_request_in_service_past_its_deadline_fails_at_the_deadline()
    {
        var h = new ServingHarness();
        h.AddPod("web-0", "10s", concurrency: 1);
        h.Traffic(0.01, timeout: SimDuration.FromSeconds(2));
        h.Cluster.RunTo("2h");

        var s = h.Stats;
        Assert.Equal(0, s.Completed);
        Assert.True(s.Failed[ServiceStatsIndex(RequestFailure.Timeout)] > 30);
        Assert.Equal(0, h.Cluster.Sim.Traffic.Servers.ServerOf(h.Router.Pods[0])!.Queued);
    }

    [Fact]
    public void A_deleted_pod_fails_what_it_queues_and_serves_with_PodGone()
    {
        var h = new ServingHarness(seed: 5);
        var pod = h.AddPod("web-0", "10s", concurrency: 2, grace: "0s");
        h.Traffic(1);
        h.Cluster.RunTo("60s");
        var server = h.Cluster.Sim.Traffic.Servers.ServerOf(pod)!;
        int held = server.Busy + server.Queued;
        Assert.Equal(2, server.Busy);
        long goneBefore = h.Stats.Failed[ServiceStatsIndex(RequestFailure.PodGone)];

        h.Cluster.Delete(pod);
        h.Cluster.RunTo("60s");

        Assert.Null(h.Cluster.Sim.Traffic.Servers.ServerOf(pod));
        Assert.Equal(goneBefore + held, h.Stats.Failed[ServiceStatsIndex(RequestFailure.PodGone)]);
        Assert.Equal(0, h.Router.OpenConnections);
        Assert.False(h.Cluster.Sim.Traffic.PodMetrics.TryGetCpuUsage(pod, out _));
    }

    [Fact]
    public void A_failed_node_fails_its_pods_requests_at_once()
    {
        var h = new ServingHarness(seed: 6);
        var pod = h.AddPod("web-0", "10s", concurrency: 1);
        h.Traffic(1);
        h.Cluster.RunTo("60s");
        Assert.NotNull(h.Cluster.Sim.Traffic.Servers.ServerOf(pod));

        h.Cluster.Sim.Kubelets.FailNode("n");

        Assert.Null(h.Cluster.Sim.Traffic.Servers.ServerOf(pod));
        Assert.True(h.Stats.Failed[ServiceStatsIndex(RequestFailure.PodGone)] > 0);
        Assert.Equal(0, h.Router.OpenConnections);
    }

    [Fact]
    public void Requests_without_endpoints_or_without_a_service_fail_before_reaching_a_pod()
    {
        var h = new ServingHarness();
        h.Traffic(5);
        h.Cluster.Sim.AddTraffic(new Traffic { Name = "lost", Target = "nowhere", Pattern = new TrafficPattern { Rate = 5 } });
        h.Cluster.RunTo("10m");

        Assert.True(h.Stats.Arrivals > 2000);
        Assert.Equal(h.Stats.Arrivals, h.Stats.Failed[ServiceStatsIndex(RequestFailure.NoEndpoints)]);
        var lost = h.Cluster.Sim.Requests.For("default/nowhere");
        Assert.Equal(lost.Arrivals, lost.Failed[0]);
    }

    /// <summary>Constant 100 ms requests at 5/s on one of two servers of a 2-CPU pod: busy 0.5 of 2 servers, so 500m of CPU.</summary>
    [Fact]
    public void Cpu_usage_is_the_busy_share_of_the_servers_times_the_cpu_request()
    {
        var h = new ServingHarness(seed: 8);
        var pod = h.AddPod("web-0", "100ms", cpu: "2");
        Assert.False(h.Cluster.Sim.Traffic.PodMetrics.TryGetCpuUsage(pod, out _));
        h.Traffic(5);
        h.Cluster.RunTo("2h");

        var metrics = h.Cluster.Sim.Traffic.PodMetrics;
        Assert.True(metrics.TryGetCpuUsage(pod, out var milli));
        Assert.True(metrics.TryGetRequestsPerSecond(pod, out var rate));
        // One 30 s window holds about 150 requests: Poisson noise is about 8 %.
        Assert.InRange(milli, 350, 650);
        Assert.InRange(rate, 3.5, 6.5);
    }

    [Fact]
    public void Latency_is_the_service_time_when_nothing_queues_and_slo_attainment_counts_it()
    {
        var h = new ServingHarness(slo: SimDuration.FromMilliseconds(20));
        h.AddPod("web-0", "20ms", cpu: "8");
        h.Traffic(10);
        h.Cluster.RunTo("10m");

        var summary = h.Cluster.Sim.Requests.Summarize();
        Assert.Equal(0.02, summary.P50Seconds, 6);
        Assert.Equal(0.02, summary.P99Seconds, 6);
        Assert.Equal(1.0, summary.SloAttainment);
        Assert.True(summary.Completed > 5000);
        // Every interval row carries the Service's SLO, for the latency chart's line (sampled by
        // hand: this harness runs no metrics interval).
        h.Cluster.Sim.Requests.Sample();
        Assert.NotEmpty(h.Cluster.Sim.Requests.Intervals);
        Assert.All(h.Cluster.Sim.Requests.Intervals, row => Assert.Equal(0.02, row.SloSeconds));
    }

    [Fact]
    public void A_service_without_slo_has_none_in_its_interval_rows()
    {
        var h = new ServingHarness();
        h.AddPod("web-0", "20ms", cpu: "8");
        h.Traffic(10);
        h.Cluster.RunTo("2m");
        h.Cluster.Sim.Requests.Sample();

        Assert.NotEmpty(h.Cluster.Sim.Requests.Intervals);
        Assert.All(h.Cluster.Sim.Requests.Intervals, row => Assert.Null(row.SloSeconds));
    }

    /// <summary>Common random numbers: the n-th request needs the same work whichever pod serves it.</summary>
    [Fact]
    public void Routing_requests_to_other_pods_does_not_change_their_service_times()
    {
        long LatencySum(bool swapped)
        {
            var h = new ServingHarness(seed: 9);
            h.AddPod("a", "exponential:50ms", cpu: "16");
            h.AddPod("b", "exponential:50ms", cpu: "16");
            if (swapped) h.Router.Pods.Reverse();
            h.Traffic(20);
            h.Cluster.RunTo("30m");
            return h.Stats.LatencySumMicroseconds;
        }

        // 16 servers per pod at 10 requests/s each never queue: latency is the service time.
        Assert.Equal(LatencySum(swapped: false), LatencySum(swapped: true));
    }

    private static int ServiceStatsIndex(RequestFailure reason) => ServiceStats.KindOf(reason);
}
