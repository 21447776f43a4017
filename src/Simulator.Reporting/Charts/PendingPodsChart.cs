using ScottPlot;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Pending pods over time, stacked by unschedulable reason ("why pending" over time, see
/// <see cref="PendingByReason"/>), most pod-time at the bottom, and timeseries.csv's pending_pods
/// as a dashed line on top: that total also counts pods not yet tried (in the queue or the cycle),
/// which have no reason yet, so it can stand above the stack.
/// </summary>
internal sealed class PendingPodsChart : IRunChart
{
    /// <summary>The last series ("other") is grey so it does not read as one more reason.</summary>
    internal static readonly Color OtherColor = Color.FromHex("#9E9E9E");

    public string Name => "pending-pods";

    /// <summary>As the other charts over time: a run that sampled no metrics has nothing to draw them on.</summary>
    public bool AppliesTo(RunResult result) => result.TimeSeries.Count > 0;

    public Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Pending pods by reason", axis.TimeLabel, "pods");
        var byReason = PendingByReason.Of(result);
        double top = StackSteps(plot, axis, byReason);
        var rows = result.TimeSeries;
        if (rows.Count > 0)
        {
            var xs = rows.Select(r => axis.ToUnits(r.Time)).ToArray();
            var line = ChartPlot.Steps(plot, xs, rows.Select(r => (double)r.PendingPods).ToArray(), "all pending (sampled)", LinePattern.Dashed);
            line.Color = Colors.Black;
            top = Math.Max(top, rows.Max(r => r.PendingPods));
        }
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.1);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }

    /// <summary>One filled band per reason, each held flat until the next change; returns the stack's highest top.</summary>
    private static double StackSteps(Plot plot, ChartTimeAxis axis, PendingByReason byReason)
    {
        int n = byReason.Times.Count;
        if (n == 0) return 0;
        // Each value holds from its time to the next one: two points per step, at the start and the end of the flat.
        var xs = new double[2 * (n - 1)];
        for (int j = 0; j + 1 < n; j++)
        {
            xs[2 * j] = axis.ToUnits(byReason.Times[j]);
            xs[2 * j + 1] = axis.ToUnits(byReason.Times[j + 1]);
        }
        var lower = new double[xs.Length];
        double top = 0;
        for (int s = 0; s < byReason.Reasons.Count; s++)
        {
            var upper = new double[xs.Length];
            for (int j = 0; j + 1 < n; j++)
            {
                upper[2 * j] = lower[2 * j] + byReason.Values[s][j];
                upper[2 * j + 1] = lower[2 * j + 1] + byReason.Values[s][j];
            }
            var band = plot.Add.FillY(xs, lower, upper);
            band.LegendText = byReason.Reasons[s];
            var colour = byReason.Reasons[s] == PendingByReason.OtherLabel && s == PendingByReason.MaxReasons ? OtherColor : plot.Add.Palette.GetColor(s);
            band.FillColor = colour;
            band.LineColor = colour;
            top = Math.Max(top, upper.DefaultIfEmpty(0).Max());
            lower = upper;
        }
        return top;
    }
}
