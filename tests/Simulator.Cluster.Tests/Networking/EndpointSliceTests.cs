using System.Text.RegularExpressions;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Networking.NetworkTestKit;

namespace Simulator.Cluster.Tests.Networking;

/// <summary>
/// The EndpointSlice controller following a Deployment's pods: scale up and down, a rolling
/// update, a node failure, and more than 100 endpoints.
/// </summary>
public partial class EndpointSliceTests
{
    [GeneratedRegex("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$")]
    private static partial Regex SliceName();

    public static TheoryData<string, bool, bool, bool, bool, bool> Conditions => new()
    {
        // case, pod Ready, terminating -> ready, serving, terminating
        { "ready", true, false, true, true, false },
        { "starting", false, false, false, false, false },
        { "ready, terminating", true, true, false, true, true },
        { "unready, terminating", false, true, false, false, true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Endpoint_conditions_follow_the_pod(string name, bool podReady, bool terminating, bool ready, bool serving, bool isTerminating)
    {
        _ = name;
        var pod = new PodBuilder("p").Build();
        pod.Status.PodIP = "10.244.0.2";
        pod.Status.SetCondition(PodConditionType.Ready, podReady ? ConditionStatus.True : ConditionStatus.False, SimTime.Zero);
        if (terminating) pod.Metadata.DeletionTimestamp = SimTime.Zero;

        Assert.Equal(new EndpointConditions(ready, serving, isTerminating), EndpointSliceController.ToEndpoint(pod).Conditions);
    }

    [Fact]
    public void Slices_follow_a_deployment_through_scale_up_and_down()
    {
        var (cluster, d, svc) = Web(3);
        var slice = Assert.Single(cluster.SlicesOf(svc));
        Assert.Matches(SliceName(), slice.Metadata.Name);
        Assert.Equal(svc.Metadata.Uid, slice.Metadata.Controller!.Uid);

        var steps = new (string At, int Replicas, string Then, (int Ready, int Terminating, int NotServing) Expected)[]
        {
            ("1m", 3, "1s", (3, 0, 0)),
            ("1m", 6, "500ms", (3, 0, 3)),  // the new pods have IPs; their containers start 1 s after binding
            ("2m", 6, "1s", (6, 0, 0)),
            ("2m", 2, "1s", (2, 4, 0)),     // the surplus serves out its 30 s grace period
            ("3m", 2, "1s", (2, 0, 0)),
        };
        foreach (var (at, replicas, then, expected) in steps)
        {
            cluster.RunTo(at);
            if (d.Spec.Replicas != replicas) cluster.Scale(d, replicas);
            cluster.RunFor(then);
            Assert.True(expected == cluster.Counts(svc), $"at {at}+{then} with {replicas} replicas: {cluster.Counts(svc)}");
        }
        var live = cluster.PodsOf("web").Where(p => !p.IsTerminating).Select(p => p.Key);
        Assert.Equal(live, cluster.EndpointsOf(svc).Select(e => e.PodKey));
        Assert.Same(slice, Assert.Single(cluster.SlicesOf(svc)));
    }

    [Fact]
    public void A_rolling_update_swaps_endpoints_keeping_at_least_8_of_10_ready()
    {
        var (cluster, d, svc) = Web(10);
        var oldPods = cluster.PodsOf("web").Select(p => p.Key).ToHashSet();
        var monitor = new SliceMonitor(cluster.Store);
        cluster.Store.EndpointSlices.Watch(monitor);

        DeploymentControllerTests.Roll(cluster, d, ReplicaSetBuilder.Template("web", image: "registry.example/app:2", imageSize: 200L << 20));
        cluster.RunTo("10m");

        Assert.Empty(monitor.Violations);
        Assert.Equal(8, monitor.MinReady);
        var endpoints = cluster.EndpointsOf(svc);
        Assert.Equal(10, endpoints.Count(e => e.Conditions.Ready));
        Assert.DoesNotContain(endpoints, e => oldPods.Contains(e.PodKey));
    }

    [Fact]
    public void Pods_of_a_failed_node_leave_when_marked_not_ready_and_get_no_new_connections()
    {
        var (cluster, _, svc) = Web(8, mode: LoadBalancingMode.RoundRobin);
        var victim = cluster.PodsOf("web")[0];
        var node = victim.Spec.NodeName;
        var onNode = cluster.PodsOf("web").Where(p => p.Spec.NodeName == node).Select(p => p.Key).ToHashSet();
        cluster.FailAt("2m", node);

        cluster.RunTo("2m49s");
        Assert.All(cluster.EndpointsOf(svc).Where(e => onNode.Contains(e.PodKey)), e => Assert.True(e.Conditions.Ready));

        // node-monitor-grace-period 50 s, checked every 5 s: NotReady between 50 and 55 s.
        SimTime? left = null;
        for (var t = TestCluster.At("2m50s"); t <= TestCluster.At("2m56s"); t += SimDuration.FromMilliseconds(100))
        {
            cluster.Engine.RunUntil(t);
            if (cluster.EndpointsOf(svc).Any(e => onNode.Contains(e.PodKey) && e.Conditions.Ready)) continue;
            left ??= t;
            Assert.All(onNode, key => Assert.Equal(ConditionStatus.False, cluster.Store.GetPod(key)!.Status.GetCondition(PodConditionType.Ready)!.Status));
            foreach (var (pod, _) in cluster.Spread(svc, 100))
                Assert.DoesNotContain(pod, onNode.Select(k => k[(k.IndexOf('/') + 1)..]));
        }
        Assert.NotNull(left);
        Assert.Equal(8 - onNode.Count, cluster.Counts(svc).Ready);
    }

    [Fact]
    public void A_crash_looping_pod_is_no_ready_endpoint_while_its_container_is_down()
    {
        var cluster = new TestCluster(seed: 5).Nodes(new NodeBuilder("n0"), new NodeBuilder("n1"));
        var basic = ReplicaSetBuilder.Template("web");
        // Errors every 10 s on average: restartPolicy Always puts the pod in CrashLoopBackOff.
        var crashing = new PodTemplate { Labels = basic.Labels, Spec = basic.Spec, Workload = new Workload { FailureRatePerHour = 360 } };
        var d = new DeploymentBuilder("web").Replicas(4).Template(crashing).Build();
        var svc = NewService("web", "web");
        cluster.Store.Services.Create(svc);
        cluster.Store.Deployments.Create(d);

        int downSeen = 0;
        for (var t = TestCluster.At("10s"); t <= TestCluster.At("5m"); t += SimDuration.FromSeconds(1))
        {
            cluster.Engine.RunUntil(t);
            var down = cluster.PodsOf("web")
                .Where(p => p.Status.Phase == PodPhase.Running && p.Status.GetCondition(PodConditionType.Ready)?.Status == ConditionStatus.False)
                .Select(p => p.Key).ToHashSet();
            downSeen += down.Count;
            Assert.DoesNotContain(cluster.EndpointsOf(svc), e => e.Conditions.Ready && down.Contains(e.PodKey));
            if (cluster.Counts(svc).Ready == 0) continue;
            foreach (var (name, _) in cluster.Spread(svc, 20))
                Assert.DoesNotContain("default/" + name, down);
        }
        Assert.True(downSeen > 0);
    }

    [Fact]
    public void More_than_100_endpoints_take_two_slices()
    {
        var (cluster, d, svc) = Web(150, nodes: 8);
        Assert.Equal([100, 50], cluster.SlicesOf(svc).Select(s => s.Endpoints.Count));
        Assert.Equal(150, cluster.Counts(svc).Ready);

        cluster.Scale(d, 40);
        cluster.RunFor("2m");
        Assert.Equal([40], cluster.SlicesOf(svc).Select(s => s.Endpoints.Count));
    }

    [Fact]
    public void A_service_without_matching_pods_keeps_one_empty_slice_and_routes_nowhere()
    {
        var (cluster, _, _) = Web(2);
        var other = NewService("other", "nothing");
        cluster.Store.Services.Create(other);
        cluster.RunFor("1s");

        Assert.Empty(Assert.Single(cluster.SlicesOf(other)).Endpoints);
        Assert.Null(cluster.Router().Route(other, 1, out var failure));
        Assert.Equal(RequestFailure.NoEndpoints, failure);
    }

    /// <summary>Checks every slice write against the pods it lists, and the fewest ready endpoints seen.</summary>
    private sealed class SliceMonitor(ClusterStore store) : IObjectWatcher<EndpointSlice>
    {
        public List<string> Violations { get; } = [];

        public int MinReady { get; private set; } = int.MaxValue;

        public void OnObjectEvent(WatchEventType type, EndpointSlice slice)
        {
            MinReady = Math.Min(MinReady, slice.Endpoints.Count(e => e.Conditions.Ready));
            foreach (var e in slice.Endpoints)
            {
                var pod = store.GetPod(e.PodKey);
                if (pod is null) Violations.Add($"{store.Now}: {e.PodKey} is gone");
                else if (EndpointSliceController.ToEndpoint(pod) != e) Violations.Add($"{store.Now}: {e} but pod says {EndpointSliceController.ToEndpoint(pod)}");
            }
        }
    }
}
