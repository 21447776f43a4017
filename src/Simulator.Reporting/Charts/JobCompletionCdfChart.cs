using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The empirical CDF of job completion time (submission to the Complete condition) over the Jobs
/// that completed: at x, the share of them that took x or less. Failed and unfinished Jobs are
/// left out, as in summary.json's jct_s.
/// </summary>
internal sealed class JobCompletionCdfChart : IRunChart
{
    public string Name => "jct-cdf";

    public bool AppliesTo(RunResult result) => CompletionSeconds(result).Length > 0;

    public ScottPlot.Plot Build(RunResult result)
    {
        var jct = CompletionSeconds(result);
        var axis = ChartTimeAxis.For(jct[^1]);
        // Over every Job, so a run that leaves Jobs unfinished levels off below 100 %.
        int jobs = Math.Max(result.Jobs.Count, jct.Length);
        var plot = ChartPlot.Create($"Job completion time CDF ({jct.Length} of {jobs} Jobs completed)", $"job completion time ({axis.Unit})", "Jobs completed within (%)");
        var (xs, ys) = CdfSteps(jct, axis, jobs);
        ChartPlot.Steps(plot, xs, ys, "completed Jobs");
        plot.Axes.SetLimitsX(0, xs[^1] * 1.05);
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.Legend(plot);
        return plot;
    }

    /// <summary>
    /// The empirical CDF of <paramref name="sortedSeconds"/> (ascending, at least one finite) as steps
    /// in <paramref name="axis"/>'s unit, out of <paramref name="total"/> Jobs: 0 % at the shortest
    /// time, then up by 100/total % at each value. Jobs that never completed (in the list as +∞, or
    /// only counted in the total) are never reached: the line levels off at the share that did.
    /// </summary>
    internal static (double[] Xs, double[] Ys) CdfSteps(IReadOnlyList<double> sortedSeconds, ChartTimeAxis axis, int total)
    {
        int n = 0;
        while (n < sortedSeconds.Count && double.IsFinite(sortedSeconds[n])) n++;
        var xs = new double[n + 1];
        var ys = new double[n + 1];
        xs[0] = axis.ToUnits(sortedSeconds[0]);
        for (int i = 0; i < n; i++)
        {
            xs[i + 1] = axis.ToUnits(sortedSeconds[i]);
            ys[i + 1] = 100.0 * (i + 1) / Math.Max(total, n);
        }
        return (xs, ys);
    }

    /// <summary>The completion times of <paramref name="result"/>'s completed Jobs, in seconds, ascending.</summary>
    public static double[] CompletionSeconds(RunResult result)
    {
        var values = result.Jobs
            .Where(j => j.Outcome == JobOutcome.Complete && j.CompletionTime is not null)
            .Select(j => j.CompletionTime!.Value.TotalSeconds)
            .ToArray();
        Array.Sort(values);
        return values;
    }
}
