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
        // Starts at 0 % at the shortest time, then steps up by 1/n at each completion time.
        var xs = new double[jct.Length + 1];
        var ys = new double[jct.Length + 1];
        xs[0] = axis.ToUnits(jct[0]);
        for (int i = 0; i < jct.Length; i++)
        {
            xs[i + 1] = axis.ToUnits(jct[i]);
            ys[i + 1] = 100.0 * (i + 1) / jct.Length;
        }
        ChartPlot.Steps(plot, xs, ys, "completed Jobs");
        plot.Axes.SetLimitsX(0, xs[^1] * 1.05);
        plot.Axes.SetLimitsY(0, 105);
        ChartPlot.Legend(plot);
        return plot;
    }

    internal static double[] CompletionSeconds(RunResult result)
    {
        var values = result.Jobs
            .Where(j => j.Outcome == JobOutcome.Complete && j.CompletionTime is not null)
            .Select(j => j.CompletionTime!.Value.TotalSeconds)
            .ToArray();
        Array.Sort(values);
        return values;
    }
}
