using Simulator.Cli.Execution;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Cli.Tests.Execution;

/// <summary>
/// The "requests:" line: only with traffic, failures by the reasons that occurred, SLO attainment
/// when a Service set one; and the "autoscaling:" line, only with HPAs.
/// </summary>
public sealed class RunSummaryPrinterRequestsTests
{
    private static string[] Print(RequestSummary requests, HpaSummary? hpa = null) =>
        PrintedRuns.Print(PrintedRuns.Record("web", PrintedRuns.EmptySummary(3600, 500) with { Hpa = hpa ?? HpaSummary.None },
            result => result with { Requests = requests }));

    [Fact]
    public void Requests_get_one_line_with_percentiles_failures_by_reason_and_slo_attainment()
    {
        var lines = Print(new RequestSummary(1000, 990, new RequestFailures(0, 7, 3, 0), 0.02, 0.1234, 1.5, 0.98765));

        Assert.Contains("requests: 1000, p50 0.02s, p95 0.123s, p99 1.5s, failed 10 (7 queue full, 3 timeout), SLO attainment 98.77%", lines);
    }

    [Fact]
    public void No_traffic_prints_no_requests_line_and_no_failures_print_failed_0()
    {
        Assert.DoesNotContain(Print(RequestSummary.None), l => l.StartsWith("requests:", StringComparison.Ordinal));
        Assert.Contains("requests: 5, p50 0.02s, p95 0.02s, p99 0.02s, failed 0", Print(new RequestSummary(5, 5, new RequestFailures(0, 0, 0, 0), 0.02, 0.02, 0.02, null)));
    }

    [Fact]
    public void Hpas_get_one_autoscaling_line_and_runs_without_print_none()
    {
        Assert.Contains("autoscaling: 2 HPA(s), 5 rescale(s), at most 7 replicas at a sample", Print(RequestSummary.None, new HpaSummary(2, 7, 5)));
        Assert.DoesNotContain(Print(RequestSummary.None), l => l.StartsWith("autoscaling:", StringComparison.Ordinal));
    }
}
