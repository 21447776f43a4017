using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The per-run charts, in the order they are drawn: a new chart is one <see cref="IRunChart"/>
/// class and one line here. Each that applies is written as PNG and SVG, 1200x700, into the
/// results folder's charts/.
/// </summary>
internal static class RunCharts
{
    public const string DirectoryName = ChartFiles.DirectoryName;
    public const int Width = ChartFiles.Width;
    public const int Height = ChartFiles.Height;

    public static IReadOnlyList<IRunChart> All { get; } =
    [
        new AllocationChart(),
        new UtilizationChart(),
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
        ChartFiles.Save(plot, directory, chart.Name);
    }
}
