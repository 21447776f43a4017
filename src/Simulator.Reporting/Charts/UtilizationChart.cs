using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Utilization against allocation for CPU and GPUs (timeseries.csv's utilization_&lt;r&gt; and
/// allocation_&lt;r&gt;): what running pods use over allocatable on Ready nodes, solid, and what
/// they were given, dashed. The gap is capacity handed out and idle: a serving pod between
/// requests, a gang's workers waiting for the rest, a job reloading its checkpoint.
/// </summary>
internal sealed class UtilizationChart : IRunChart
{
    public string Name => "utilization";

    public bool AppliesTo(RunResult result) => result.TimeSeries.Any(r => r.Used.Count > 0 && r.Allocatable.Count > 0);

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Utilization per resource (used and allocated / allocatable on Ready nodes)", axis.TimeLabel, "share of allocatable (%)");
        var rows = result.TimeSeries;
        var xs = rows.Select(r => axis.ToUnits(r.Time)).ToArray();
        var measured = new SortedSet<string>(rows.SelectMany(r => r.Used.Keys), StringComparer.Ordinal);
        foreach (var resource in measured)
        {
            if (!rows.Any(r => r.Allocatable.GetValueOrDefault(resource) > 0)) continue;
            ChartPlot.Steps(plot, xs, rows.Select(r => Percent(r.Used.GetValueOrDefault(resource), r.Allocatable.GetValueOrDefault(resource))).ToArray(),
                resource + " used");
            ChartPlot.Steps(plot, xs, rows.Select(r => Percent(r.Requested.GetValueOrDefault(resource), r.Allocatable.GetValueOrDefault(resource))).ToArray(),
                resource + " allocated", ScottPlot.LinePattern.Dashed);
        }
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
