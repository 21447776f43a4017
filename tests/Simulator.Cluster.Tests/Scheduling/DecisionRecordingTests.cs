using FsCheck.Xunit;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>What a SchedulingCycle tells an IDecisionRecorder, and that without one it costs nothing.</summary>
public class DecisionRecordingTests
{
    [Fact]
    public void A_scored_attempt_records_verdicts_raw_and_normalized_scores_weights_and_the_total()
    {
        var index = new ResourceIndex();
        var nodes = new[]
        {
            new NodeInfo(new NodeBuilder("a").Cpu("4").Memory("16Gi").Build(), index),
            new NodeInfo(new NodeBuilder("b").Cpu("8").Memory("16Gi").Build(), index),
            new NodeInfo(new NodeBuilder("c").Cpu("1").Memory("16Gi").Build(), index),
        };
        var cycle = SamplingTests.NewCycle(index);
        var log = new DecisionLog();
        cycle.Recorder = log;

        var result = cycle.Schedule(new PodInfo(new PodBuilder("web").Cpu("2").Memory("4Gi").Build(), index), nodes, attempt: 1);

        var d = Assert.Single(log.Decisions);
        Assert.Equal("b", result.Node!.Name);
        Assert.Equal("b", d.ChosenNode);
        Assert.Equal(["a", "b", "c"], d.Nodes.Select(n => n.Node));
        Assert.Equal("NodeResourcesFit: Insufficient cpu", d.Nodes[2].FilterText);
        var columns = d.ScorePlugins.Select(c => c.Plugin).ToList();
        int fit = columns.IndexOf("NodeResourcesFit"), balanced = columns.IndexOf("NodeResourcesBalancedAllocation"), taints = columns.IndexOf("TaintToleration");
        // LeastAllocated on a: cpu (4-2)/4 = 50, memory (16-4)/16 = 75, mean 62; on b: 75 and 75.
        Assert.Equal(new PluginScore(62, 62, 1), d.Nodes[0].Scores[fit]);
        Assert.Equal(new PluginScore(75, 75, 1), d.Nodes[1].Scores[fit]);
        // Balanced on a: |0.5 - 0.25| / 2 = 0.125 -> 87; on b: equal fractions -> 100.
        Assert.Equal(87, d.Nodes[0].Scores[balanced].Normalized);
        Assert.Equal(100, d.Nodes[1].Scores[balanced].Normalized);
        // No PreferNoSchedule taints: raw 0 everywhere, reversed to 100, weight 3.
        Assert.Equal(new PluginScore(0, 100, 3), d.Nodes[0].Scores[taints]);
        Assert.Equal(300 + 62 + 87, d.Nodes[0].Total);
        Assert.Equal(300 + 75 + 100, d.Nodes[1].Total);
        Assert.Empty(d.NotExamined);
        Assert.Equal("", d.FailureMessage);
    }

    [Fact]
    public void Nodes_left_out_by_percentage_of_nodes_to_score_are_named_as_not_examined()
    {
        var index = new ResourceIndex();
        var nodes = Enumerable.Range(0, 1000).Select(i => new NodeInfo(new NodeBuilder($"n{i}").Build(), index)).ToList();
        var cycle = SamplingTests.NewCycle(index);
        var log = new DecisionLog();
        cycle.Recorder = log;

        cycle.Schedule(new PodInfo(new PodBuilder("p").Cpu("100m").Build(), index), nodes);

        var d = Assert.Single(log.Decisions);
        Assert.Equal(420, d.Nodes.Count);
        Assert.Equal(580, d.NotExamined.Count);
        Assert.Equal("n420", d.NotExamined[0]);
        Assert.Equal("n999", d.NotExamined[^1]);
    }

    [Fact]
    public void Only_the_pods_the_recorder_asks_for_are_recorded()
    {
        var index = new ResourceIndex();
        var nodes = new[] { new NodeInfo(new NodeBuilder("a").Build(), index) };
        var cycle = SamplingTests.NewCycle(index);
        var log = new DecisionLog(DecisionLog.ForPod("wanted"));
        cycle.Recorder = log;

        cycle.Schedule(new PodInfo(new PodBuilder("other").Build(), index), nodes);
        cycle.Schedule(new PodInfo(new PodBuilder("wanted").Build(), index), nodes);

        Assert.Equal(["default/wanted"], log.Decisions.Select(d => d.Pod));
    }

    [Fact]
    public void Without_a_recorder_a_cycle_that_finds_a_node_allocates_nothing()
    {
        var index = new ResourceIndex();
        var nodes = Enumerable.Range(0, 50).Select(i => new NodeInfo(new NodeBuilder($"n{i}").Cpu("8").Memory("32Gi").Build(), index)).ToList();
        var cycle = SamplingTests.NewCycle(index);
        var pod = new PodInfo(new PodBuilder("p").Cpu("1").Memory("1Gi").Build(), index);
        Assert.Equal(0, SteadyStateAllocation.Of(() =>
        {
            for (int i = 0; i < 100; i++) cycle.Schedule(pod, nodes);
        }));
    }

    [Fact]
    public void A_preempting_attempt_records_the_nominated_node_and_the_victims()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var log = new DecisionLog();
        cluster.Sim.Scheduler.DecisionRecorder = log;
        cluster.Create(new PodBuilder("low").Cpu("2").Priority(1));
        cluster.RunFor("10s");
        cluster.Create(new PodBuilder("high").Cpu("2").Priority(1000));
        cluster.RunFor("1s");

        var d = log.Decisions.Last(x => x.Pod == "default/high");
        Assert.Equal(1, d.Attempt);
        Assert.Equal(10, d.Time.Microseconds / 1_000_000);
        Assert.Equal("", d.ChosenNode);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", d.FailureMessage);
        Assert.Equal(new[] { "default/low" }, d.Preemption!.Victims);
        Assert.Equal("a", d.Preemption.NominatedNode);
    }

    [Property(MaxTest = 200)]
    public bool A_recorded_attempt_adds_up_and_chooses_a_best_total(byte[] cpus, byte podCpu)
    {
        // Nodes of 1-16 cpu, a pod of 1-8 cpu: every feasible node's total is the sum of its
        // weighted scores, rejected nodes have none, the chosen node has the highest total, and
        // recording does not change the choice (the tie-break stream is the same).
        var index = new ResourceIndex();
        var nodes = cpus.Take(20).Select((c, i) => new NodeInfo(new NodeBuilder($"n{i}").Cpu(((c % 16) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Memory("16Gi").Build(), index)).ToList();
        var pod = new PodInfo(new PodBuilder("p").Cpu(((podCpu % 8) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Memory("1Gi").Build(), index);
        var plain = SamplingTests.NewCycle(index, seed: 3).Schedule(pod, nodes);
        var recording = SamplingTests.NewCycle(index, seed: 3);
        var log = new DecisionLog();
        recording.Recorder = log;
        var recorded = recording.Schedule(pod, nodes);
        if (recorded.Node?.Name != plain.Node?.Name) return false;
        if (nodes.Count == 0) return log.Decisions.Single().Nodes.Count == 0 && recorded.FailureMessage == SchedulingCycle.NoNodesAvailable;
        var d = log.Decisions.Single();
        var scored = d.Nodes.Where(n => n.Scores.Count > 0).ToList();
        bool sums = scored.All(n => n.Total == n.Scores.Sum(s => s.Weighted));
        bool rejectedUnscored = d.Nodes.Where(n => !n.Passed).All(n => n.Scores.Count == 0);
        bool best = scored.Count == 0 || scored.Single(n => n.Node == d.ChosenNode).Total == scored.Max(n => n.Total);
        return sums && rejectedUnscored && best && d.ChosenNode == (recorded.Node?.Name ?? "");
    }
}
