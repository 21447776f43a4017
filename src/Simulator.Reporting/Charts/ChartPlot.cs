using ScottPlot;

namespace Simulator.Reporting.Charts;

/// <summary>What every chart shares: a white plot in the bundled font with a title, axis labels and a legend.</summary>
internal static class ChartPlot
{
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        // Before the plot exists: its text styles take their font name from Fonts.Default when created.
        // Not plot.Font.Set: it pins the regular typeface on every label, bold ones included.
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.Bold = true;
        // The legend would otherwise pick a system font per item to cover its characters.
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.Alignment = Alignment.UpperLeft;
        return plot;
    }

    /// <summary>A line that holds each value until the next sample, as a sampled count does (thinned for drawing, see <see cref="StepSeries"/>).</summary>
    public static ScottPlot.Plottables.Scatter Steps(Plot plot, double[] xs, double[] ys, string legend, LinePattern? pattern = null)
    {
        (xs, ys) = StepSeries.Thin(xs, ys);
        var line = plot.Add.ScatterLine(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LegendText = legend;
        line.LineWidth = 2;
        if (pattern is { } p) line.LinePattern = p;
        return line;
    }

    /// <summary>The time axis from the start of the run to its end.</summary>
    public static void RunSpan(Plot plot, ChartTimeAxis axis, Simulator.Engine.SimTime end) =>
        plot.Axes.SetLimitsX(0, Math.Max(axis.ToUnits(end), double.Epsilon));

    /// <summary>Shows the legend when there is something to tell apart.</summary>
    public static void Legend(Plot plot)
    {
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = ChartFonts.Family;
    }
}
