using Simulator.Cli.Execution;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

public sealed class RunSummaryPrinterTraceTests
{
    [Fact]
    public void A_fill_prints_one_line_with_the_last_sample()
    {
        var last = new AllocationSample(130, 0.9400177, 372.61, 0.7, 10857, 2178);
        var run = PrintedRuns.Record("fgd-openb",
            PrintedRuns.EmptySummary(0) with { TraceReplay = new TraceReplaySummary("openb", "fill", 6_212_000, 10857, 2178, [], []) },
            result => result with { Allocation = [last] });

        var lines = PrintedRuns.Print(run);

        Assert.Contains(
            "trace fill: 130% of 6212 GPUs arrived in 10857 pod(s), 2178 failed; GPU allocation 94.0%, 372.6 GPUs unallocated (allocation.csv)",
            lines);
    }
}
