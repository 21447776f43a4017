using Simulator.Cluster.Controllers.ClusterAutoscaler;

namespace Simulator.Cli.Tests.Execution;

/// <summary>The "cluster autoscaler:" line: only when some NodePool has spec.autoscaling.</summary>
public sealed class RunSummaryPrinterAutoscalerTests
{
    [Fact]
    public void Autoscaled_pools_get_one_line_with_each_group_s_start_peak_end_and_bounds()
    {
        var summary = new ClusterAutoscalerSummary(1, 3, 3, 0, 3, 0,
            [new NodeGroupSummary("v100", 1, 6, 1, 1, 1), new NodeGroupSummary("k80", 0, 4, 0, 3, 0)]);
        var lines = PrintedRuns.Print(PrintedRuns.Record("burst", PrintedRuns.EmptySummary(3600) with { ClusterAutoscaler = summary }));

        Assert.Contains("cluster autoscaler: 1 scale-up(s), 3 node(s) added, 3 removed, 0 given up; v100 1->1->1 [1,6], k80 0->3->0 [0,4]", lines);
    }

    [Fact]
    public void Without_autoscaled_pools_there_is_no_line()
    {
        var lines = PrintedRuns.Print(PrintedRuns.Record("fixed", PrintedRuns.EmptySummary(3600)));
        Assert.DoesNotContain(lines, l => l.StartsWith("cluster autoscaler:", StringComparison.Ordinal));
    }
}
