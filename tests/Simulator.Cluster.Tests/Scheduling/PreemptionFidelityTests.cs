using Simulator.Cluster.Api;
using Simulator.Cluster.Disruption;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>DefaultPreemption as kube-scheduler does it: candidate sampling, PDBs, the node choice order, nominated pods, grace periods.</summary>
public class PreemptionFidelityTests
{
    [Fact]
    public void Fact16_with_a_custom_grace_period_the_preemptor_binds_when_the_victim_is_gone()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var victim = cluster.Create(new PodBuilder("low").Cpu("2").Priority(1).GracePeriod("75s"));
        cluster.RunFor("10s");
        var preemptor = cluster.Create(new PodBuilder("high").Cpu("2").Priority(1000));
        cluster.RunFor("1s");
        Assert.Equal("a", preemptor.Status.NominatedNodeName);

        cluster.RunFor("5m");
        var deleted = cluster.RecordOf(victim).Deleted!.Value.TotalSeconds;
        var bound = cluster.EventsFor(preemptor, "Scheduled").Single().Time.TotalSeconds;
        Assert.Equal(10 + 75, deleted);
        Assert.InRange(bound, deleted, deleted + 1);
    }

    [Fact]
    public void A_terminating_lower_priority_pod_is_still_a_victim()
    {
        // SelectVictimsOnNode takes every lower-priority pod on the node, terminating ones too:
        // the preemptor is nominated to the node where a pod is already leaving, rather than
        // told there are no victims.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var leaving = cluster.Create(new PodBuilder("leaving").Cpu("2").Priority(1).GracePeriod("5m"));
        cluster.RunFor("10s");
        cluster.Delete(leaving);
        cluster.RunFor("1s");
        Assert.True(leaving.IsTerminating);

        var high = cluster.Create(new PodBuilder("high").Cpu("2").Priority(100));
        cluster.RunFor("1s");

        Assert.Equal("a", high.Status.NominatedNodeName);
        Assert.Single(cluster.EventsFor(leaving, "Preempted"));
    }

    [Fact]
    public void Preempting_on_a_node_clears_the_nominations_of_lower_priority_pods_there()
    {
        // mid preempts lowA on a and is nominated there. While lowA terminates, high preempts
        // lowB on a; kube-scheduler's prepareCandidate then clears the nomination of mid (lower
        // priority, nominated to a), which may no longer fit there.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("4"));
        cluster.Create(new PodBuilder("lowA").Cpu("2").Priority(1));
        cluster.Create(new PodBuilder("lowB").Cpu("2").Priority(10));
        cluster.RunFor("10s");
        var mid = cluster.Create(new PodBuilder("mid").Cpu("2").Priority(50));
        cluster.RunFor("1s");
        Assert.Equal("a", mid.Status.NominatedNodeName);
        var high = cluster.Create(new PodBuilder("high").Cpu("2").Priority(100));

        cluster.RunFor("1s");

        Assert.Equal("a", high.Status.NominatedNodeName);
        Assert.Equal("", mid.Status.NominatedNodeName);
    }

    [Fact]
    public void A_nomination_is_cleared_when_preemption_later_finds_no_candidate()
    {
        // high preempts low on a and is nominated there; before low has left, top (which may not
        // preempt: preemptionPolicy Never) waits too. When low is gone, top sorts first and takes
        // a; high then finds no victim anywhere, and kube-scheduler's preemption returns a
        // nominated node of "" that clears high's nominatedNodeName, so a keeps no room for it.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        cluster.Create(new PodBuilder("low").Cpu("2").Priority(1));
        cluster.RunFor("10s");
        var high = cluster.Create(new PodBuilder("high").Cpu("2").Priority(100));
        cluster.RunFor("1s");
        Assert.Equal("a", high.Status.NominatedNodeName);
        var top = cluster.Create(new PodBuilder("top").Cpu("2").Priority(1000).NeverPreempt());

        cluster.RunFor("1m");

        Assert.Equal("a", top.Spec.NodeName);
        Assert.False(high.IsBound);
        Assert.Equal("", high.Status.NominatedNodeName);
    }

    [Theory]
    [InlineData(50, 50)]     // fewer than 100 nodes: all of them
    [InlineData(150, 100)]   // 10 % = 15, raised to the absolute minimum of 100
    [InlineData(1000, 100)]
    [InlineData(2000, 200)]  // 10 %
    [InlineData(5000, 500)]
    public void Number_of_candidates_is_10_percent_of_the_nodes_at_least_100(int nodes, int expected) =>
        Assert.Equal(expected, DefaultPreemption.NumCandidates(nodes));

    [Fact]
    public void The_dry_run_stops_after_num_candidates_candidates()
    {
        var cluster = new TestCluster();
        for (int i = 0; i < 250; i++) cluster.Nodes(new NodeBuilder($"n{i:D3}").Cpu("1"));
        for (int i = 0; i < 250; i++) cluster.Create(new PodBuilder($"low{i:D3}").Cpu("1").Priority(1));
        cluster.RunFor("10s");
        cluster.Create(new PodBuilder("high").Cpu("1").Priority(1000));
        cluster.RunFor("1s");

        var preemption = cluster.Sim.Scheduler.Profile.PostFilters.OfType<DefaultPreemption>().Single();
        Assert.Equal(100, preemption.NodesTried);
        Assert.Single(preemption.Victims);
    }

    [Fact]
    public void Fewest_pdb_violations_decides_first()
    {
        var a = Candidate("a", violations: 1, (1, 0));
        var b = Candidate("b", violations: 0, (100, 0));
        Assert.Same(b, DefaultPreemption.PickOneNode([a, b]));
    }

    [Fact]
    public void Then_the_lowest_highest_victim_priority()
    {
        var a = Candidate("a", 0, (5, 0));
        var b = Candidate("b", 0, (3, 0), (3, 0), (3, 0));
        Assert.Same(b, DefaultPreemption.PickOneNode([a, b]));
    }

    [Fact]
    public void Then_the_smallest_sum_of_priorities_plus_2_to_the_31()
    {
        var a = Candidate("a", 0, (5, 0), (3, 0));
        var b = Candidate("b", 0, (5, 0), (1, 0));
        Assert.Same(b, DefaultPreemption.PickOneNode([a, b]));
    }

    [Fact]
    public void Then_the_fewest_victims()
    {
        // int.MinValue + 2^31 = 0: b's sum equals a's (5 + 2^31), so only the count tells them apart.
        var a = Candidate("a", 0, (5, 0));
        var b = Candidate("b", 0, (5, 0), (int.MinValue, 0));
        Assert.Same(a, DefaultPreemption.PickOneNode([b, a]));
    }

    [Fact]
    public void Then_the_latest_start_among_the_highest_priority_victims()
    {
        var a = Candidate("a", 0, (5, 10), (1, 50));
        var b = Candidate("b", 0, (5, 20), (1, 5));
        Assert.Same(b, DefaultPreemption.PickOneNode([a, b]));
    }

    [Fact]
    public void Then_the_first()
    {
        var a = Candidate("a", 0, (5, 10));
        var b = Candidate("b", 0, (5, 10));
        Assert.Same(a, DefaultPreemption.PickOneNode([a, b]));
    }

    [Fact]
    public void Without_a_pdb_the_later_started_pod_of_equal_priority_is_the_victim()
    {
        var (victim, _) = PreemptOnePodOfTwo(withPdb: false);
        Assert.Equal("x", victim);
    }

    [Fact]
    public void A_pod_whose_eviction_would_violate_a_pdb_is_reprieved_first()
    {
        var (victim, _) = PreemptOnePodOfTwo(withPdb: true);
        Assert.Equal("y", victim);
    }

    /// <summary>
    /// Node a (2 cpu) runs y, then x (1 cpu each, priority 1); x is covered by a PDB with
    /// minAvailable 1, so its budget allows no disruption. "high" needs 1 cpu.
    /// </summary>
    private static (string Victim, TestCluster Cluster) PreemptOnePodOfTwo(bool withPdb)
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        if (withPdb) cluster.Store.PodDisruptionBudgets.Create(Pdb("db", IntOrPercent.Absolute(1), null, "app", "db"));
        var y = cluster.Create(new PodBuilder("y").Cpu("1").Priority(1));
        cluster.RunFor("10s");
        var x = cluster.Create(new PodBuilder("x").Cpu("1").Priority(1).Label("app", "db"));
        cluster.RunFor("10s");
        cluster.Create(new PodBuilder("high").Cpu("1").Priority(100));
        cluster.RunFor("1s");
        Assert.NotEqual(x.IsTerminating, y.IsTerminating);
        return (x.IsTerminating ? "x" : "y", cluster);
    }

    [Fact]
    public void A_pdb_steers_preemption_to_another_node_even_with_a_higher_priority_victim()
    {
        // Without the PDB, a (victim priority 1) beats b (victim priority 2); with it, a's victim
        // would violate the budget, and fewest violations comes first.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("1"), new NodeBuilder("b").Cpu("1"));
        cluster.Store.PodDisruptionBudgets.Create(Pdb("db", null, IntOrPercent.Absolute(0), "app", "db"));
        var onA = cluster.Create(new PodBuilder("db-0").Cpu("1").Priority(1).Label("app", "db").NodeSelector("kubernetes.io/hostname", "a"));
        var onB = cluster.Create(new PodBuilder("batch").Cpu("1").Priority(2).NodeSelector("kubernetes.io/hostname", "b"));
        cluster.RunFor("10s");
        var high = cluster.Create(new PodBuilder("high").Cpu("1").Priority(100));
        cluster.RunFor("1s");

        Assert.Equal("b", high.Status.NominatedNodeName);
        Assert.True(onB.IsTerminating);
        Assert.False(onA.IsTerminating);
    }

    [Theory]
    [InlineData(3, 1, null, 3, 2)]       // minAvailable 1 of 3 healthy
    [InlineData(3, null, 1, 3, 1)]       // maxUnavailable 1: desired 2
    [InlineData(4, null, 0, 4, 0)]
    [InlineData(4, 3, null, 2, 0)]       // fewer healthy than desired: never negative
    public void Disruptions_allowed_as_the_disruption_controller_computes_them(int expected, int? minAvailable, int? maxUnavailable, int healthy, int allowed)
    {
        var spec = new PodDisruptionBudgetSpec
        {
            MinAvailable = minAvailable is { } m ? IntOrPercent.Absolute(m) : null,
            MaxUnavailable = maxUnavailable is { } u ? IntOrPercent.Absolute(u) : null,
        };
        Assert.Equal(allowed, DisruptionBudgets.Allowed(spec, expected, healthy));
    }

    [Fact]
    public void Percentages_of_the_expected_count_round_up()
    {
        // minAvailable 50 % of 5 = 2.5 -> 3 desired: 4 healthy allow 1. maxUnavailable 30 % of 5 = 1.5 -> 2: desired 3, allow 1.
        Assert.Equal(1, DisruptionBudgets.Allowed(new PodDisruptionBudgetSpec { MinAvailable = IntOrPercent.Percent(50) }, 5, 4));
        Assert.Equal(1, DisruptionBudgets.Allowed(new PodDisruptionBudgetSpec { MaxUnavailable = IntOrPercent.Percent(30) }, 5, 4));
    }

    [Fact]
    public void May_evict_only_while_the_budget_allows_a_disruption()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("4"));
        cluster.Store.PodDisruptionBudgets.Create(Pdb("web", IntOrPercent.Absolute(1), null, "app", "web"));
        var w1 = cluster.Create(new PodBuilder("w1").Cpu("1").Label("app", "web"));
        var w2 = cluster.Create(new PodBuilder("w2").Cpu("1").Label("app", "web"));
        cluster.RunFor("30s");
        var budgets = new DisruptionBudgets(cluster.Store);

        Assert.Equal(1, budgets.DisruptionsAllowed(cluster.Store.PodDisruptionBudgets.Items[0]));
        Assert.True(budgets.MayEvict(w1));
        cluster.Delete(w2);
        Assert.False(budgets.MayEvict(w1));
    }

    [Fact]
    public void A_lower_priority_pod_cannot_take_the_room_of_a_nominated_pod()
    {
        var index = new ResourceIndex();
        var nodes = new[] { new NodeInfo(new NodeBuilder("a").Cpu("2").Build(), index), new NodeInfo(new NodeBuilder("b").Cpu("1").Build(), index) };
        var cycle = SamplingTests.NewCycle(index);
        cycle.Nominator = new Nominator();
        var nominated = new PodBuilder("high").Cpu("2").Priority(100).Build();
        nominated.Status.NominatedNodeName = "a";
        cycle.Nominator.Add(new PodInfo(nominated, index));

        var lower = cycle.Schedule(new PodInfo(new PodBuilder("low").Cpu("2").Priority(1).Build(), index), nodes);
        var higher = cycle.Schedule(new PodInfo(new PodBuilder("top").Cpu("2").Priority(1000).Build(), index), nodes);
        var itself = cycle.Schedule(new PodInfo(nominated, index), nodes);

        Assert.False(lower.Succeeded);
        Assert.Equal("0/2 nodes are available: 2 Insufficient cpu.", lower.FailureMessage[..lower.FailureMessage.IndexOf('.', StringComparison.Ordinal)] + ".");
        Assert.Equal("a", higher.Node!.Name);
        Assert.Equal("a", itself.Node!.Name);
    }

    [Fact]
    public void A_nominated_pod_takes_its_nominated_node_when_it_fits_there_without_scoring()
    {
        // b is busier, so scoring alone would pick a (LeastAllocated 75 against 25 for cpu);
        // kube-scheduler's evaluateNominatedNode tries b first and, as it fits, takes it unscored.
        var index = new ResourceIndex();
        var nodes = new[] { new NodeInfo(new NodeBuilder("a").Cpu("4").Build(), index), new NodeInfo(new NodeBuilder("b").Cpu("4").Build(), index) };
        var busy = new PodBuilder("busy").Cpu("2").Build();
        nodes[1].AddPod(busy, new PodInfo(busy, index));
        var cycle = SamplingTests.NewCycle(index);
        var plain = cycle.Schedule(new PodInfo(new PodBuilder("plain").Cpu("1").Priority(100).Build(), index), nodes);
        var preemptor = new PodBuilder("high").Cpu("1").Priority(100).Build();
        preemptor.Status.NominatedNodeName = "b";

        var result = cycle.Schedule(new PodInfo(preemptor, index), nodes);

        Assert.Equal("a", plain.Node!.Name);
        Assert.Equal("b", result.Node!.Name);
        Assert.Equal((1, 1), (result.NodesEvaluated, result.FeasibleNodes));
    }

    [Fact]
    public void Only_a_preemption_that_found_no_candidate_in_this_cycle_clears_a_nomination()
    {
        var index = new ResourceIndex();
        var nodes = new[] { new NodeInfo(new NodeBuilder("a").Cpu("1").Build(), index) };
        var cycle = SamplingTests.NewCycle(index);
        var pod = new PodInfo(new PodBuilder("big").Cpu("2").Priority(100).Build(), index);

        cycle.Schedule(pod, nodes);
        bool afterNoCandidate = cycle.ClearsNomination;
        cycle.Schedule(pod, []);

        Assert.True(afterNoCandidate);
        Assert.False(cycle.ClearsNomination); // no nodes: an error in kube-scheduler, no PostFilter ran
    }

    [Fact]
    public void A_nominated_pod_that_no_longer_fits_its_nominated_node_searches_every_node()
    {
        var index = new ResourceIndex();
        var nodes = new[] { new NodeInfo(new NodeBuilder("a").Cpu("4").Build(), index), new NodeInfo(new NodeBuilder("b").Cpu("4").Build(), index) };
        var busy = new PodBuilder("busy").Cpu("4").Build();
        nodes[1].AddPod(busy, new PodInfo(busy, index));
        var cycle = SamplingTests.NewCycle(index);
        var preemptor = new PodBuilder("high").Cpu("1").Priority(100).Build();
        preemptor.Status.NominatedNodeName = "b";

        var result = cycle.Schedule(new PodInfo(preemptor, index), nodes);

        Assert.Equal("a", result.Node!.Name);
        Assert.Equal((2, 1), (result.NodesEvaluated, result.FeasibleNodes));
    }

    private static PodDisruptionBudget Pdb(string name, IntOrPercent? minAvailable, IntOrPercent? maxUnavailable, string key, string value) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodDisruptionBudgetSpec
        {
            MinAvailable = minAvailable,
            MaxUnavailable = maxUnavailable,
            Selector = LabelSelector.FromLabels(new Dictionary<string, string> { [key] = value }),
        },
    };

    private static DefaultPreemption.Candidate Candidate(string node, int violations, params (int Priority, int StartSeconds)[] victims)
    {
        var pods = victims.Select((v, i) =>
        {
            var pod = new PodBuilder($"{node}-{i}").Priority(v.Priority).Build();
            pod.Status.StartTime = SimTime.Zero + SimDuration.FromSeconds(v.StartSeconds);
            return pod;
        }).ToList();
        return new DefaultPreemption.Candidate(new NodeInfo(new NodeBuilder(node).Build(), new ResourceIndex()), pods, violations);
    }
}
