using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>
/// The gang profile: scheduler-plugins' Coscheduling on kube-scheduler's Reserve / Permit (reference
/// §7, fidelity fact 17).
/// </summary>
public class GangSchedulingTests
{
    private static long CpuRequested(TestCluster cluster, string node) =>
        cluster.Sim.Scheduler.Cache.Get(node)!.Requested(ResourceIndex.Cpu);

    [Fact]
    public void Fact17_min_member_4_with_room_for_3_binds_none_with_the_gang_profile()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("3"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 4), 4, p => p.Cpu("1"));
        cluster.RunFor("10m");

        Assert.All(pods, p => Assert.False(p.IsBound));
        // Nothing is held either: the three members that fitted gave their reservations back.
        Assert.Equal(0, CpuRequested(cluster, "a"));
        Assert.Empty(cluster.Sim.Scheduler.WaitingPods.All);
        Assert.All(pods, p => Assert.True(cluster.Sim.Scheduler.Queue.Contains(p.Key)));
        var last = cluster.EventsFor(pods[3], "FailedScheduling").First().Message;
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod., "
            + "PodGroup default/train gets rejected due to Pod train-3 is unschedulable even after PostFilter", last);
        Assert.Contains(cluster.EventsFor(pods[0], "FailedScheduling"),
            e => e.Message == "0/1 nodes are available: 1 optimistic rejection in PostFilter.");
    }

    [Fact]
    public void Fact17_the_default_profile_binds_3_of_the_4_and_leaves_them_holding_the_node()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("3"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 4), 4, p => p.Cpu("1"));
        cluster.RunFor("10m");

        Assert.Equal(3, pods.Count(p => p.IsBound));
        Assert.Equal(3_000, CpuRequested(cluster, "a"));
    }

    [Theory]
    [InlineData("gang", 0)]
    [InlineData("default", 3)]
    public void A_pytorchjob_with_a_scheduling_policy_is_a_gang_only_for_the_gang_profile(string profile, int bound)
    {
        // Master + 3 workers at 100m each, room for 3 pods: the operator's PodGroup has minMember 4.
        var cluster = new TestCluster(profile: profile).Nodes(new NodeBuilder("a").Cpu("300m"));
        var job = cluster.Create(new PyTorchJobBuilder("mnist").Master("10m").Workers(3, "10m").Gang());
        cluster.RunFor("5m");

        var pods = cluster.PodsOf(job);
        Assert.Equal(4, pods.Count);
        Assert.Equal(bound, pods.Count(p => p.IsBound));
    }

    [Fact]
    public void With_room_for_4_all_4_bind_at_the_same_virtual_time()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("2"), new NodeBuilder("b").Cpu("2"));
        cluster.RunTo("5s");
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 4), 4, p => p.Cpu("1"));
        cluster.RunFor("1m");

        Assert.All(pods, p => Assert.True(p.IsBound));
        Assert.All(pods, p => Assert.Equal(TestCluster.At("5s"), cluster.BoundAt(p)));
        Assert.All(pods, p => Assert.Empty(cluster.EventsFor(p, "FailedScheduling")));
        Assert.Equal(2_000, CpuRequested(cluster, "a"));
        Assert.Equal(2_000, CpuRequested(cluster, "b"));
    }

    [Fact]
    public void Members_wait_at_permit_holding_their_reservation_until_the_last_one_fits()
    {
        // Room for 3 of 4 at first; the 4th fits when a plain pod finishes at 30 s.
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("4"));
        cluster.Create(new PodBuilder("batch").Cpu("1").Runs("30s"));
        cluster.RunTo("1s");
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 4), 4, p => p.Cpu("1"));
        cluster.RunTo("20s");

        Assert.All(pods, p => Assert.False(p.IsBound));
        Assert.Empty(cluster.Sim.Scheduler.WaitingPods.All);

        cluster.RunTo("2m");
        Assert.All(pods, p => Assert.True(p.IsBound));
        var times = pods.Select(p => cluster.BoundAt(p)).Distinct().ToList();
        Assert.Single(times);
        Assert.InRange(times[0]!.Value.TotalSeconds, 31, 40);
    }

    [Fact]
    public void The_permit_timeout_releases_the_reservations_and_a_later_pod_can_use_them()
    {
        // 10 members, room for 9 (the 10th asks for a node label nobody has). With 10 % missing,
        // Coscheduling keeps the 9 waiting instead of rejecting them: they hold the node until
        // the group's 30 s timeout.
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("9"));
        var group = Gang.Group("train", minMember: 10, scheduleTimeoutSeconds: 30);
        var pods = cluster.CreateGang(group, 9, p => p.Cpu("1"));
        var tenth = Gang.Member(new PodBuilder("train-9").Cpu("1").NodeSelector("pool", "missing"), "train");
        cluster.Store.CreatePod(tenth);
        cluster.RunTo("29s");

        Assert.Equal(9, cluster.Sim.Scheduler.WaitingPods.All.Count);
        Assert.Equal(9_000, CpuRequested(cluster, "a"));
        Assert.All(pods, p => Assert.False(p.IsBound));

        cluster.RunTo("30s");
        Assert.Empty(cluster.Sim.Scheduler.WaitingPods.All);
        Assert.Equal(0, CpuRequested(cluster, "a"));
        Assert.All(pods, p => Assert.True(cluster.Sim.Scheduler.Queue.Contains(p.Key)));
        var messages = pods.SelectMany(p => cluster.EventsFor(p, "FailedScheduling")).Select(e => e.Message).ToList();
        Assert.Single(messages, m => m == "0/1 nodes are available: 1 rejected due to timeout after waiting 30s at plugin Coscheduling.");
        Assert.Equal(8, messages.Count(m => m == "0/1 nodes are available: 1 rejection in Unreserve."));

        cluster.RunTo("35s");
        var later = cluster.Create(new PodBuilder("later").Cpu("9").Priority(10));
        cluster.RunTo("36s");
        Assert.Equal("a", later.Spec.NodeName);
        Assert.Equal(TestCluster.At("35s"), cluster.BoundAt(later));
    }

    [Fact]
    public void A_preempted_member_waiting_at_permit_is_rejected_back_to_the_queue_not_deleted()
    {
        // kube-scheduler's prepareCandidate rejects a victim held at Permit (it is not bound
        // yet) instead of deleting it: the same pod object goes back to the queue.
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("9"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 10, scheduleTimeoutSeconds: 600), 9, p => p.Cpu("1"));
        cluster.Store.CreatePod(Gang.Member(new PodBuilder("train-9").Cpu("1").NodeSelector("pool", "missing"), "train"));
        cluster.RunTo("10s");
        Assert.Equal(9, cluster.Sim.Scheduler.WaitingPods.All.Count);

        var urgent = cluster.Create(new PodBuilder("urgent").Cpu("9").Priority(1000));
        cluster.RunTo("20s");

        Assert.Equal("a", urgent.Spec.NodeName);
        Assert.Empty(cluster.Sim.Scheduler.WaitingPods.All);
        Assert.All(pods, p =>
        {
            Assert.Same(p, cluster.Store.GetPod(p.Key));
            Assert.False(p.IsBound);
            Assert.False(p.IsTerminating);
            Assert.True(cluster.Sim.Scheduler.Queue.Contains(p.Key));
        });
        Assert.Contains(pods, p => cluster.EventsFor(p, "Preempted").Any());
    }

    [Fact]
    public void Deleting_a_waiting_pod_releases_its_reservation()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("9"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 10), 9, p => p.Cpu("1"));
        cluster.Store.CreatePod(Gang.Member(new PodBuilder("train-9").Cpu("1").NodeSelector("pool", "missing"), "train"));
        cluster.RunTo("10s");
        Assert.Equal(9_000, CpuRequested(cluster, "a"));

        cluster.Delete(pods[0]);
        Assert.Null(cluster.Store.GetPod(pods[0].Key));
        Assert.Null(cluster.Sim.Scheduler.WaitingPods.Get(pods[0].Key));
        Assert.False(cluster.Sim.Scheduler.Queue.Contains(pods[0].Key));
        // Its siblings let go too (Coscheduling's Unreserve): the gang can no longer complete.
        Assert.Equal(0, CpuRequested(cluster, "a"));
        Assert.Empty(cluster.EventsFor(pods[0], "FailedScheduling"));
        Assert.All(pods.Skip(1), p => Assert.Contains(cluster.EventsFor(p, "FailedScheduling"),
            e => e.Message == "0/1 nodes are available: 1 rejection in Unreserve."));

        // A plain pod can now use the whole node.
        var plain = cluster.Create(new PodBuilder("plain").Cpu("9").Priority(10));
        cluster.RunFor("1s");
        Assert.Equal("a", plain.Spec.NodeName);
    }

    [Fact]
    public void Members_allowed_after_their_node_went_retry_elsewhere_instead_of_binding_to_it()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("9"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 10), 9, p => p.Cpu("1"));
        var tenth = Gang.Member(new PodBuilder("train-9").Cpu("1").NodeSelector("pool", "big"), "train");
        cluster.Store.CreatePod(tenth);
        cluster.RunTo("10s");
        Assert.Equal(9, cluster.Sim.Scheduler.WaitingPods.All.Count);

        // Node a goes while its 9 members wait; the new node lets the 10th complete the gang.
        cluster.Store.DeleteNode("a");
        cluster.Store.AddNode(new NodeBuilder("b").Cpu("20").Label("pool", "big").Build());
        cluster.RunTo("1m");

        Assert.All(pods.Append(tenth), p => Assert.Equal("b", p.Spec.NodeName));
        Assert.Equal(10_000, CpuRequested(cluster, "b"));
        Assert.Contains(cluster.EventsFor(pods[0], "FailedScheduling"), e => e.Message == "node \"a\" not found");
    }

    [Fact]
    public void Pods_without_a_group_schedule_exactly_as_with_the_default_profile()
    {
        static List<(string Node, double At)> Run(string profile)
        {
            var cluster = new TestCluster(seed: 7, profile: profile).Nodes(
                new NodeBuilder("a").Cpu("4"), new NodeBuilder("b").Cpu("4"), new NodeBuilder("c").Cpu("2"));
            var pods = new List<Pod>();
            for (int i = 0; i < 8; i++)
                pods.Add(cluster.Create(new PodBuilder($"p{i}").Cpu(i % 2 == 0 ? "1" : "1500m").Runs($"{20 + i * 5}s").Priority(i % 3)));
            cluster.RunFor("10m");
            return pods.Select(p => (p.Spec.NodeName, cluster.BoundAt(p)!.Value.TotalSeconds)).ToList();
        }

        Assert.Equal(Run("default"), Run("gang"));
    }

    [Fact]
    public void A_pod_naming_a_missing_pod_group_waits_until_the_group_is_created()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("4"));
        var pods = new[] { "train-0", "train-1" }
            .Select(n => Gang.Member(new PodBuilder(n).Cpu("1"), "train")).ToList();
        foreach (var p in pods) cluster.Store.CreatePod(p);
        cluster.RunTo("1m");

        Assert.All(pods, p => Assert.False(p.IsBound));
        Assert.StartsWith("0/1 nodes are available: podgroups.scheduling.x-k8s.io \"train\" not found.",
            cluster.EventsFor(pods[0], "FailedScheduling").First().Message);

        cluster.Sim.SubmitObject(TestCluster.At("2m"), Gang.Group("train", minMember: 2));
        cluster.RunTo("3m");
        Assert.All(pods, p => Assert.Equal(TestCluster.At("2m"), cluster.BoundAt(p)));
    }

    [Fact]
    public void A_group_with_fewer_pods_than_min_member_is_turned_away_at_prefilter_until_they_exist()
    {
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("4"));
        var pods = cluster.CreateGang(Gang.Group("train", minMember: 3), 2, p => p.Cpu("1"));
        cluster.RunTo("1m");

        Assert.All(pods, p => Assert.False(p.IsBound));
        // The shape of the event a real cluster shows: PreFilter's reason, preemption's, then Coscheduling's PostFilter.
        Assert.Equal("0/1 nodes are available: pre-filter pod train-0 cannot find enough sibling pods, current pods number: 2, minMember of group: 3. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling., "
            + "PodGroup default/train gets rejected due to Pod train-0 is unschedulable even after PostFilter",
            cluster.EventsFor(pods[0], "FailedScheduling").First().Message);

        cluster.RunTo("90s");
        var third = Gang.Member(new PodBuilder("train-2").Cpu("1"), "train");
        cluster.Store.CreatePod(third);
        cluster.RunTo("2m");
        Assert.All(pods.Append(third), p => Assert.True(p.IsBound));
        Assert.Single(pods.Append(third).Select(p => cluster.BoundAt(p)).Distinct());
    }

    [Fact]
    public void Siblings_leave_the_queue_together_in_group_creation_order()
    {
        // Two gangs of 2 interleaved in creation order, room for one gang: the older group's
        // members are tried first and bind; the younger gang reserves nothing.
        var cluster = new TestCluster(profile: "gang").Nodes(new NodeBuilder("a").Cpu("2"));
        cluster.Store.PodGroups.Create(Gang.Group("first", minMember: 2));
        cluster.RunTo("1s");
        cluster.Store.PodGroups.Create(Gang.Group("second", minMember: 2));
        var order = new[] { ("second", 0), ("first", 0), ("second", 1), ("first", 1) };
        var pods = order.Select(o => Gang.Member(new PodBuilder($"{o.Item1}-{o.Item2}").Cpu("1"), o.Item1)).ToList();
        foreach (var p in pods) cluster.Store.CreatePod(p);
        cluster.RunFor("1m");

        Assert.All(pods.Where(p => p.Name.StartsWith("first", StringComparison.Ordinal)), p => Assert.True(p.IsBound));
        Assert.All(pods.Where(p => p.Name.StartsWith("second", StringComparison.Ordinal)), p => Assert.False(p.IsBound));
        Assert.Equal(2_000, CpuRequested(cluster, "a"));
    }
}
