using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Allocation per resource over time: requests of bound, unfinished pods over allocatable on Ready
/// nodes (timeseries.csv's allocation_&lt;r&gt;), one line per resource, plus one per GPU model
/// (gpu_allocation_&lt;model&gt;): what the scheduler has handed out. What is actually used is
/// the utilization chart's.
/// </summary>
internal sealed class AllocationChart : IRunChart
{
    public string Name => "allocation";

    public bool AppliesTo(RunResult result) => result.TimeSeries.Any(r => r.Allocatable.Count > 0);

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Allocation per resource (requested / allocatable on Ready nodes)", axis.TimeLabel, "allocated (%)");
        var rows = result.TimeSeries;
        var xs = rows.Select(r => axis.ToUnits(r.Time)).ToArray();
        foreach (var resource in Names(rows.SelectMany(r => r.Allocatable.Keys)))
        {
            var ys = rows.Select(r => Percent(r.Requested.GetValueOrDefault(resource), r.Allocatable.GetValueOrDefault(resource))).ToArray();
            ChartPlot.Steps(plot, xs, ys, resource);
        }
        foreach (var model in Names(rows.SelectMany(r => r.GpusByModel.Keys)))
        {
            var ys = rows.Select(r => r.GpusByModel.TryGetValue(model, out var g) ? Percent(g.AllocatedMilli, g.TotalMilli) : 0).ToArray();
            ChartPlot.Steps(plot, xs, ys, "GPU " + model, ScottPlot.LinePattern.Dashed);
        }
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }

    /// <summary>No ready capacity counts as 0 % allocated, as in timeseries.csv.</summary>
    private static double Percent(long requested, long allocatable) => allocatable == 0 ? 0 : 100.0 * requested / allocatable;

    private static SortedSet<string> Names(IEnumerable<string> names) => new(names, StringComparer.Ordinal);
}
