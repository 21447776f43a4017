using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Request latency per Service over time (services.csv): p50, p95 and p99 of each metrics interval
/// (intervals without a completed request are skipped, their percentiles being no measurement),
/// and the Service's ksim.dev/slo-latency as a dashed line when it has one.
/// </summary>
internal sealed class RequestLatencyChart : IRunChart
{
    public string Name => "request-latency";

    public bool AppliesTo(RunResult result) => result.Services.Any(s => s.Completed > 0);

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var measured = result.Services.Where(s => s.Completed > 0).ToArray();
        double top = measured.Max(s => Math.Max(s.LatencyP99Seconds, s.SloSeconds ?? 0));
        // Milliseconds for the usual web latencies, seconds once they reach seconds.
        var (scale, unit) = top < 1 ? (1000.0, "ms") : (1.0, "s");
        var plot = ChartPlot.Create("Request latency per Service (p50, p95, p99 per interval)", axis.TimeLabel, $"latency ({unit})");
        foreach (var service in measured.GroupBy(s => s.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = service.ToArray();
            var xs = rows.Select(r => axis.ToUnits(r.Time)).ToArray();
            Line(plot, xs, rows.Select(r => r.LatencyP50Seconds * scale).ToArray(), service.Key + " p50");
            Line(plot, xs, rows.Select(r => r.LatencyP95Seconds * scale).ToArray(), service.Key + " p95");
            var p99 = Line(plot, xs, rows.Select(r => r.LatencyP99Seconds * scale).ToArray(), service.Key + " p99");
            if (rows[^1].SloSeconds is { } slo)
            {
                var line = plot.Add.HorizontalLine(slo * scale, 2, p99.Color, ScottPlot.LinePattern.Dashed);
                line.LegendText = $"{service.Key} SLO {slo * scale:0.###} {unit}";
            }
        }
        plot.Axes.SetLimitsY(0, top * scale * 1.15);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter Line(ScottPlot.Plot plot, double[] xs, double[] ys, string legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = legend;
        line.LineWidth = 2;
        return line;
    }
}
