using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The per-run charts, in the order they are drawn: a new chart is one <see cref="IRunChart"/>
/// class and one line here. Each that applies is written as PNG and SVG, 1200x700, into the
/// results folder's charts/.
/// </summary>
internal static class RunCharts
{
    public const string DirectoryName = "charts";
    public const int Width = 1200;
    public const int Height = 700;

    public static IReadOnlyList<IRunChart> All { get; } =
    [
        new AllocationChart(),
        new PendingPodsChart(),
        new NodeTimelineChart(),
        new NodesPerPoolChart(),
        new JobCompletionCdfChart(),
        new RequestLatencyChart(),
        new HpaReplicasChart(),
        new CostChart(),
    ];

    /// <summary>The charts that apply to <paramref name="result"/>.</summary>
    public static IReadOnlyList<IRunChart> For(RunResult result) => [.. All.Where(c => c.AppliesTo(result))];

    /// <summary>Writes every chart that applies into <paramref name="directory"/> (created when one does); returns their names.</summary>
    public static IReadOnlyList<string> Write(string directory, RunResult result)
    {
        var charts = For(result);
        if (charts.Count > 0) Directory.CreateDirectory(directory);
        foreach (var chart in charts) WriteOne(directory, chart, result);
        return [.. charts.Select(c => c.Name)];
    }

    /// <summary>Draws <paramref name="chart"/> into &lt;Name&gt;.png and &lt;Name&gt;.svg.</summary>
    internal static void WriteOne(string directory, IRunChart chart, RunResult result)
    {
        using var plot = chart.Build(result);
        plot.SavePng(Path.Combine(directory, chart.Name + ".png"), Width, Height);
        plot.SaveSvg(Path.Combine(directory, chart.Name + ".svg"), Width, Height);
    }
}
