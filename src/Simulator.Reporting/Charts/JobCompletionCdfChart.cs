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
        var plot = ChartPlot.Create($"Job completion time CDF ({jct.Length} completed Jobs)", $"job completion time ({axis.Unit})", "Jobs completed within (%)");
        var (xs, ys) = CdfSteps(jct, axis);
        ChartPlot.Steps(plot, xs, ys, "completed Jobs");
        plot.Axes.SetLimitsX(0, xs[^1] * 1.05);
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.Legend(plot);
        return plot;
    }

    /// <summary>
    /// The empirical CDF of <paramref name="sortedSeconds"/> (ascending, at least one) as steps in
    /// <paramref name="axis"/>'s unit: 0 % at the shortest time, then up by 100/n % at each value.
    /// </summary>
    internal static (double[] Xs, double[] Ys) CdfSteps(IReadOnlyList<double> sortedSeconds, ChartTimeAxis axis)
    {
        int n = sortedSeconds.Count;
        var xs = new double[n + 1];
        var ys = new double[n + 1];
        xs[0] = axis.ToUnits(sortedSeconds[0]);
        for (int i = 0; i < n; i++)
        {
            xs[i + 1] = axis.ToUnits(sortedSeconds[i]);
            ys[i + 1] = 100.0 * (i + 1) / n;
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
