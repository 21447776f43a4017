using ScottPlot;

namespace Simulator.Reporting.Charts;

/// <summary>How every chart, of a run or of a comparison, goes to disk: &lt;name&gt;.png and &lt;name&gt;.svg at 1200x700 in charts/.</summary>
internal static class ChartFiles
{
    public const string DirectoryName = "charts";
    public const int Width = 1200;
    public const int Height = 700;

    /// <summary>Saves <paramref name="plot"/> as &lt;<paramref name="name"/>&gt;.png and .svg in <paramref name="directory"/>.</summary>
    public static void Save(Plot plot, string directory, string name)
    {
        plot.SavePng(Path.Combine(directory, name + ".png"), Width, Height);
        plot.SaveSvg(Path.Combine(directory, name + ".svg"), Width, Height);
    }
}
