using Simulator.Cli.Execution;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

/// <summary>The "cost:" line: only when some NodePool has a price.</summary>
public sealed class RunSummaryPrinterCostTests
{
    private static string[] Print(CostSummary cost) =>
        PrintedRuns.Print(PrintedRuns.Record("pools", PrintedRuns.EmptySummary(10_800, 10) with { Cost = cost }));

    [Fact]
    public void Priced_pools_get_one_cost_line()
    {
        var lines = Print(new CostSummary(9.5, [new PoolCost("cpu", 4, 2), new PoolCost("gpu", 2.5, 7.5)], 7.25, true));

        Assert.Single(lines, l => l.StartsWith("cost:", StringComparison.Ordinal));
        Assert.Contains("cost: 9.50 for 6.50 node-hours in 2 pool(s); 7.25 idle GPU-hours", lines);
    }

    [Fact]
    public void Unpriced_pools_print_no_cost_line()
    {
        var lines = Print(new CostSummary(0, [new PoolCost("cpu", 4, 0)], 3, false));

        Assert.DoesNotContain(lines, l => l.StartsWith("cost:", StringComparison.Ordinal));
    }
}
