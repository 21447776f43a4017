using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Pending pods over time (timeseries.csv's pending_pods), in total: the result keeps each pod's
/// last FailedScheduling message only, not its reason at every sample, so a split by
/// unschedulable reason would need the events replayed.
/// </summary>
internal sealed class PendingPodsChart : IRunChart
{
    public string Name => "pending-pods";

    public bool AppliesTo(RunResult result) => result.TimeSeries.Count > 0;

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Pending pods", axis.TimeLabel, "pods");
        var rows = result.TimeSeries;
        var xs = rows.Select(r => axis.ToUnits(r.Time)).ToArray();
        ChartPlot.Steps(plot, xs, rows.Select(r => (double)r.PendingPods).ToArray(), "Pending");
        plot.Axes.SetLimitsY(0, Math.Max(1, rows.Max(r => r.PendingPods)) * 1.1);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }
}
