using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Engine;
using Simulator.Reporting.Decisions;

namespace Simulator.Reporting.Tests.Decisions;

/// <summary>How ksim explain lays out a long node list: best feasible first, rejected nodes counted by reason.</summary>
public sealed class DecisionTableTests
{
    private static SchedulingDecision Decision(int feasible, int rejectedCpu, int rejectedTaint, int notExamined)
    {
        var nodes = new List<NodeVerdict>();
        for (int i = 0; i < rejectedCpu; i++)
            nodes.Add(new NodeVerdict { Node = $"cpu-{i}", FailedPlugin = "NodeResourcesFit", Reasons = ["Insufficient cpu"] });
        for (int i = 0; i < feasible; i++)
            nodes.Add(new NodeVerdict { Node = $"ok-{i}", Scores = [new PluginScore(i, i * 10, 2)], Total = i * 20 });
        for (int i = 0; i < rejectedTaint; i++)
            nodes.Add(new NodeVerdict { Node = $"t-{i}", FailedPlugin = "TaintToleration", Reasons = ["node(s) had untolerated taint {gpu: true}"] });
        return new SchedulingDecision
        {
            Time = SimTime.Zero + SimDuration.FromSeconds(90),
            Pod = "ml/p",
            Attempt = 2,
            NumNodes = nodes.Count + notExamined,
            ScorePlugins = [new ScoreColumn("Fit", 2, false)],
            Nodes = nodes,
            NotExamined = [.. Enumerable.Range(0, notExamined).Select(i => $"x-{i}")],
            ChosenNode = feasible > 0 ? $"ok-{feasible - 1}" : "",
        };
    }

    private static string Render(SchedulingDecision d, bool allNodes)
    {
        using var w = new StringWriter { NewLine = "\n" };
        DecisionTable.Write(w, d, allNodes);
        return w.ToString();
    }

    [Fact]
    public void Beyond_twenty_rows_feasible_nodes_are_cut_and_rejected_ones_counted_by_reason()
    {
        var text = Render(Decision(feasible: 22, rejectedCpu: 5, rejectedTaint: 12, notExamined: 7), allNodes: false);
        var lines = text.Split('\n');

        Assert.Equal("ml/p: attempt 2 at 1m30s", lines[0]);
        Assert.Equal("46 node(s), 39 examined, 7 not examined (percentageOfNodesToScore: enough feasible nodes were found first)", lines[1]);
        Assert.Equal("   NODE   FILTER  Fit        TOTAL", lines[2]);
        Assert.Equal("*  ok-21  passed  21/210 x2    420", lines[3]);
        Assert.Equal("   ok-2   passed  2/20 x2       40", lines[22]);
        Assert.Equal("... and 2 more feasible node(s) (--all-nodes lists them)", lines[23]);
        Assert.Equal("rejected: 17 node(s)", lines[24]);
        Assert.Equal("  12  TaintToleration: node(s) had untolerated taint {gpu: true}", lines[25]);
        Assert.Equal("   5  NodeResourcesFit: Insufficient cpu", lines[26]);
    }

    [Fact]
    public void All_nodes_lists_every_node_and_the_ones_not_examined()
    {
        var text = Render(Decision(feasible: 22, rejectedCpu: 5, rejectedTaint: 12, notExamined: 2), allNodes: true);

        Assert.Contains("\n   cpu-4  NodeResourcesFit: Insufficient cpu\n", text, StringComparison.Ordinal);
        Assert.Contains("\n   ok-0   passed", text, StringComparison.Ordinal);
        Assert.Contains("\nnot examined: x-0, x-1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected:", text, StringComparison.Ordinal);
    }
}
