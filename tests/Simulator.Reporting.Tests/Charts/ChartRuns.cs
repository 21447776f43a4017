using Simulator.Cluster.Metrics;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Charts;

/// <summary>Hand-built runs for the charts: <see cref="Full"/> has the data of every chart.</summary>
internal static class ChartRuns
{
    private static Simulator.Engine.SimTime Seconds(double s) => SampleRuns.Seconds(s);

    /// <summary>
    /// The sample run (2 pooled nodes and a plain one, node-b NotReady 30 to 75.5 s, one completed
    /// Job) plus priced time series, one Service with a 250 ms SLO and one HPA.
    /// </summary>
    public static RunResult Full() => SampleRuns.Result() with
    {
        TimeSeries =
        [
            Row(0, pending: 3, cpuRequested: 0, cost: 0) with { Used = Used(0) },
            Row(30, pending: 1, cpuRequested: 4000, cost: 0.5) with { Used = Used(1000) },
            Row(60, pending: 0, cpuRequested: 6000, cost: 1.0) with { Used = Used(5000) },
            Row(120, pending: 2, cpuRequested: 2000, cost: 2.0) with { Used = Used(2000) },
        ],
        Services =
        [
            Service(30, p50: 0.05, p95: 0.2, p99: 0.3),
            Service(60, p50: 0.04, p95: 0.1, p99: 0.2),
            Service(90, p50: 0.06, p95: 0.3, p99: 0.4),
        ],
        Hpas =
        [
            new HpaSample(Seconds(30), "default", "web", "Deployment", "web", 1, 5, 1, 3, 150),
            new HpaSample(Seconds(60), "default", "web", "Deployment", "web", 1, 5, 3, 3, 80),
            new HpaSample(Seconds(90), "default", "web", "Deployment", "web", 1, 5, 3, 2, 40),
        ],
    };

    /// <summary>Only time series: no nodes, Jobs, Services, HPAs or prices.</summary>
    public static RunResult TimeSeriesOnly() => SampleRuns.Result() with
    {
        Jobs = [],
        Nodes = [],
        TimeSeries = [Row(0, pending: 1, cpuRequested: 0, cost: 0), Row(60, pending: 0, cpuRequested: 1000, cost: 0)],
    };

    public static RunResult Empty() => SampleRuns.Result() with { Jobs = [], Nodes = [], TimeSeries = [] };

    public static ServiceInterval Service(double time, double p50, double p95, double p99, double? slo = 0.25) =>
        new(Seconds(time), "default/web", 100, 100, 0, 0, 0, 0, p50, p95, p99, 3) { SloSeconds = slo };

    private static Dictionary<string, long> Used(long cpu) => new() { ["cpu"] = cpu };

    private static TimeSeriesRow Row(double time, int pending, long cpuRequested, double cost) =>
        new(Seconds(time), pending, 2, 0, 0, 2, 0, 0,
            new Dictionary<string, long> { ["cpu"] = cpuRequested },
            new Dictionary<string, long> { ["cpu"] = 8000, ["memory"] = 1L << 34 })
        {
            GpusByModel = new Dictionary<string, GpuModelSample> { ["A100"] = new GpuModelSample(1500, 4000) },
            Cost = cost,
        };
}
