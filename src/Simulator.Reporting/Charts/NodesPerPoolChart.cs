using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Nodes per NodePool over time, the Cluster Autoscaler's chart: a pool's count steps up when one
/// of its nodes is added and down when one is removed (nodes.csv's added_s and removed_s), Ready
/// or not. Drawn when any node belongs to a pool.
/// </summary>
internal sealed class NodesPerPoolChart : IRunChart
{
    public string Name => "nodes-per-pool";

    public bool AppliesTo(RunResult result) => result.Nodes.Any(n => n.Pool.Length > 0);

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("Nodes per NodePool", axis.TimeLabel, "nodes");
        int max = 1;
        foreach (var (pool, steps) in CountsByPool(result.Nodes, result.EndTime))
        {
            ChartPlot.Steps(plot, steps.Select(s => axis.ToUnits(s.Time)).ToArray(), steps.Select(s => (double)s.Count).ToArray(), pool);
            max = Math.Max(max, steps.Max(s => s.Count));
        }
        plot.Axes.SetLimitsY(0, max * 1.15);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }

    /// <summary>
    /// Per pool in ordinal order: its node count from time 0, after every change, and at the end.
    /// Changes at the same instant are merged into one step.
    /// </summary>
    internal static SortedDictionary<string, List<(SimTime Time, int Count)>> CountsByPool(IReadOnlyList<NodeInterval> intervals, SimTime end)
    {
        // Every interval repeats its node's added and removed times: one change pair per node.
        var changes = new SortedDictionary<string, SortedDictionary<SimTime, int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var interval in intervals)
        {
            if (interval.Pool.Length == 0 || !seen.Add(interval.Node)) continue;
            if (!changes.TryGetValue(interval.Pool, out var pool)) changes[interval.Pool] = pool = [];
            pool[interval.Added] = pool.GetValueOrDefault(interval.Added) + 1;
            if (interval.Removed is { } removed) pool[removed] = pool.GetValueOrDefault(removed) - 1;
        }
        var counts = new SortedDictionary<string, List<(SimTime, int)>>(StringComparer.Ordinal);
        foreach (var (name, deltas) in changes)
        {
            var steps = new List<(SimTime, int)>();
            int count = 0;
            if (!deltas.ContainsKey(SimTime.Zero)) steps.Add((SimTime.Zero, 0));
            foreach (var (time, delta) in deltas)
            {
                count += delta;
                steps.Add((time, count));
            }
            if (steps[^1].Item1 < end) steps.Add((end, count));
            counts[name] = steps;
        }
        return counts;
    }
}
