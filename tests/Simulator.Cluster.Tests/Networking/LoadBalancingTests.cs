using Simulator.Cluster.Api;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Networking.NetworkTestKit;

namespace Simulator.Cluster.Tests.Networking;

/// <summary>
/// kube-proxy's choice per new connection (reference fact 14), the terminating fallback, ClientIP
/// session affinity and least connections.
/// </summary>
public class LoadBalancingTests
{
    [Fact]
    public void Random_gives_each_of_4_ready_endpoints_25_percent_of_new_connections()
    {
        var (cluster, _, svc) = Web(4);
        var spread = cluster.Spread(svc, 40_000);

        Assert.Equal(4, spread.Count);
        Assert.All(spread.Values, n => Assert.InRange(n, 9_200, 10_800));
    }

    [Fact]
    public void Round_robin_gives_each_of_4_ready_endpoints_exactly_25_percent()
    {
        var (cluster, _, svc) = Web(4, LoadBalancingMode.RoundRobin);
        var spread = cluster.Spread(svc, 40_000);

        Assert.Equal([10_000, 10_000, 10_000, 10_000], spread.Values);
    }

    [Fact]
    public void Round_robin_keeps_its_rotation_when_an_endpoint_leaves()
    {
        var (cluster, _, svc) = Web(4, LoadBalancingMode.RoundRobin);
        var router = cluster.Router();
        var pods = cluster.PodsOf("web");
        var order = Enumerable.Range(0, 4).Select(c => router.Route(svc, c, out _)!.Name).ToList();
        Assert.Equal(pods.Select(p => p.Name), order);

        cluster.Delete(pods[1]);
        cluster.RunFor("500ms"); // its replacement is not Ready yet
        var next = Enumerable.Range(0, 3).Select(c => router.Route(svc, c, out _)!.Name).ToList();

        Assert.Equal([pods[0].Name, pods[2].Name, pods[3].Name], next);
    }

    [Fact]
    public void With_no_ready_endpoint_connections_go_to_terminating_ones_that_still_serve()
    {
        var (cluster, _, svc) = Web(2);
        var old = cluster.PodsOf("web");
        foreach (var p in old) cluster.Delete(p);
        cluster.RunFor("1ms");

        Assert.Equal((0, 2, 2), cluster.Counts(svc)); // two terminating, two replacements starting
        var spread = cluster.Spread(svc, 1_000);
        Assert.Equal(old.Select(p => p.Name).Order(StringComparer.Ordinal), spread.Keys.Order(StringComparer.Ordinal));

        cluster.RunFor("29s");
        var fresh = cluster.PodsOf("web").Where(p => !p.IsTerminating).Select(p => p.Name).ToHashSet();
        Assert.All(cluster.Spread(svc, 100).Keys, name => Assert.Contains(name, fresh));
    }

    [Fact]
    public void A_client_with_affinity_keeps_its_pod_until_the_pod_leaves()
    {
        var (cluster, _, svc) = Web(4, affinity: ServiceAffinity.ClientIP);
        var router = cluster.Router();
        var first = router.Route(svc, 42, out _)!;
        for (int i = 0; i < 100; i++)
        {
            router.Route(svc, 1_000 + i, out _);
            Assert.Same(first, router.Route(svc, 42, out _));
        }

        cluster.Delete(first);
        cluster.RunFor("1s");
        var second = router.Route(svc, 42, out _)!;
        Assert.NotSame(first, second);
        Assert.False(second.IsTerminating);
        for (int i = 0; i < 100; i++) Assert.Same(second, router.Route(svc, 42, out _));
    }

    public static TheoryData<string, bool> Timeouts => new()
    {
        // idle time since the last connection -> same pod again
        { "59s", true },
        { "60s", true },
        { "61s", false },
    };

    [Theory]
    [MemberData(nameof(Timeouts))]
    public void Affinity_expires_after_its_timeout_since_the_last_use(string idle, bool sticks)
    {
        // Round robin makes the re-pick visible: the rotation has moved on to another pod.
        var (cluster, _, svc) = Web(4, LoadBalancingMode.RoundRobin, ServiceAffinity.ClientIP, timeout: "60s");
        var router = cluster.Router();
        var first = router.Route(svc, 1, out _)!;
        cluster.RunFor("50s");
        Assert.Same(first, router.Route(svc, 1, out _)); // refreshes the entry

        cluster.RunFor(idle);
        Assert.Equal(sticks, ReferenceEquals(first, router.Route(svc, 1, out _)));
    }

    [Fact]
    public void Least_connections_never_picks_a_busier_endpoint_than_another_ready_one()
    {
        var (cluster, _, svc) = Web(4, LoadBalancingMode.LeastConnections);
        var router = cluster.Router();
        var candidates = router.Candidates(svc);
        var open = new List<Pod>();
        var random = new Random(3);
        var picked = new HashSet<string>(StringComparer.Ordinal);
        for (int step = 0; step < 10_000; step++)
        {
            if (open.Count > 0 && random.Next(3) == 0)
            {
                int i = random.Next(open.Count);
                router.ConnectionClosed(open[i]);
                open.RemoveAt(i);
                continue;
            }
            int fewest = candidates.Min(router.OpenConnections);
            var pod = router.Route(svc, step, out _)!;
            Assert.Equal(fewest, router.OpenConnections(pod));
            router.ConnectionOpened(pod);
            open.Add(pod);
            picked.Add(pod.Name);
        }
        Assert.Equal(4, picked.Count);
    }

    [Fact]
    public void A_headless_service_spreads_clients_over_its_pods()
    {
        var (cluster, _, _) = Web(4);
        var headless = NewService("web-headless", "web", LoadBalancingMode.RoundRobin, clusterIp: "None");
        cluster.Store.Services.Create(headless);
        cluster.RunFor("1s");

        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.Same(headless, cluster.Router().Resolve("web-headless.default.svc.cluster.local", "default"));
        Assert.All(cluster.Spread(headless, 40_000).Values, n => Assert.InRange(n, 9_200, 10_800));
    }

    [Fact]
    public void Routing_allocates_nothing_once_endpoints_are_built()
    {
        var (cluster, _, svc) = Web(4, affinity: ServiceAffinity.ClientIP);
        var router = cluster.Router();
        for (int c = 0; c < 100; c++) router.ConnectionOpened(router.Route(svc, c, out _)!);
        // Warm up first, so one-off costs (JIT tier-up, lazy statics) are not counted.
        for (int i = 0; i < 10_000; i++)
        {
            var pod = router.Route(svc, i % 100, out _)!;
            router.ConnectionOpened(pod);
            router.ConnectionClosed(pod);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            var pod = router.Route(svc, i % 100, out _)!;
            router.ConnectionOpened(pod);
            router.ConnectionClosed(pod);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
