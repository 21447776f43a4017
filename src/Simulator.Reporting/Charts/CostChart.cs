using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>The NodePools' cost from the start of the run (timeseries.csv's cost column), drawn when a pool has a price.</summary>
internal sealed class CostChart : IRunChart
{
    public string Name => "cost";

    public bool AppliesTo(RunResult result) => result.TimeSeries.Count > 0 && result.TimeSeries[^1].Cost > 0;

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Cost so far (NodePools' pricePerHour x node-hours)", axis.TimeLabel, "cost (pricePerHour units)");
        var rows = result.TimeSeries;
        var (xs, ys) = StepSeries.Thin(rows.Select(r => axis.ToUnits(r.Time)).ToArray(), rows.Select(r => r.Cost).ToArray());
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = "total";
        line.LineWidth = 2;
        line.MarkerSize = 0;
        plot.Axes.SetLimitsY(0, rows[^1].Cost * 1.05);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }
}
