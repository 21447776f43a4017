using ScottPlot;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// One row per node (nodes.csv's intervals), first added at the top: a bar for each stretch it
/// was Ready and a red one for each stretch NotReady (Unknown included), from when it was added
/// to when it was removed or the run ended; over it, the pods bound to the node as thin bars
/// (<see cref="NodePodLanes"/>), orange for pods that failed or were evicted. The bottom of each
/// row is left to the node's state so a NotReady stretch shows under busy pods too. Rows are named
/// when there are few enough to read.
/// </summary>
internal sealed class NodeTimelineChart : IRunChart
{
    /// <summary>More rows than this and names would overlap at 700 pixels: the axis counts nodes instead.</summary>
    internal const int MaxNamedRows = 40;

    internal static readonly Color ReadyColor = Color.FromHex("#2CA02C");
    internal static readonly Color NotReadyColor = Color.FromHex("#D62728");
    internal static readonly Color PodColor = Color.FromHex("#1F3A93");
    internal static readonly Color FailedPodColor = Color.FromHex("#FF7F0E");

    public string Name => "node-timeline";

    public bool AppliesTo(RunResult result) => result.Nodes.Count > 0;

    public Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var rows = RowsInOrderAdded(result.Nodes);
        var plot = ChartPlot.Create($"Node timeline ({rows.Count} nodes): pods, Ready and NotReady", axis.TimeLabel, rows.Count <= MaxNamedRows ? "node" : "node (in the order added)");
        var rowOf = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++) rowOf[rows[i]] = i;
        var bars = new List<Bar>(result.Nodes.Count);
        foreach (var interval in result.Nodes)
        {
            bars.Add(new Bar
            {
                Position = rowOf[interval.Node],
                ValueBase = axis.ToUnits(interval.From),
                Value = axis.ToUnits(interval.To ?? result.EndTime),
                Size = 0.8,
                FillColor = interval.State == NodeState.Ready ? ReadyColor : NotReadyColor,
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
        }
        foreach (var pod in NodePodLanes.Of(result, rowOf))
        {
            bars.Add(new Bar
            {
                Position = pod.Position,
                ValueBase = axis.ToUnits(pod.From),
                Value = axis.ToUnits(pod.To),
                Size = pod.Thickness,
                FillColor = pod.Failed ? FailedPodColor : PodColor,
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        if (rows.Count <= MaxNamedRows)
        {
            var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. rows]);
        }
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        // Inverted (bottom limit above the top one): row i is the i-th node added, counted from the top.
        plot.Axes.SetLimitsY(bottom: rows.Count - 0.4, top: -0.6);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Ready", FillColor = ReadyColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "NotReady", FillColor = NotReadyColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "pod", FillColor = PodColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "pod failed or evicted", FillColor = FailedPodColor });
        ChartPlot.Legend(plot);
        plot.Legend.Alignment = Alignment.LowerRight;
        return plot;
    }

    /// <summary>Node names in the order the result lists them (the order added), each once.</summary>
    internal static List<string> RowsInOrderAdded(IReadOnlyList<NodeInterval> intervals)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<string>();
        foreach (var interval in intervals)
        {
            if (seen.Add(interval.Node)) rows.Add(interval.Node);
        }
        return rows;
    }
}
