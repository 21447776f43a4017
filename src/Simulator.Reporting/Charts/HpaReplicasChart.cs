using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Each HorizontalPodAutoscaler's replicas over time (hpa.csv): the target's spec.replicas as a
/// solid line and the controller's desired replicas as a dashed one.
/// </summary>
internal sealed class HpaReplicasChart : IRunChart
{
    public string Name => "hpa-replicas";

    public bool AppliesTo(RunResult result) => result.Hpas.Count > 0;

    public ScottPlot.Plot Build(RunResult result)
    {
        var axis = ChartTimeAxis.For(result.EndTime);
        var plot = ChartPlot.Create("HorizontalPodAutoscaler replicas", axis.TimeLabel, "replicas");
        int max = 1;
        // In the order the HPAs were first sampled (creation order), each drawn from its own samples.
        foreach (var hpa in result.Hpas.GroupBy(h => (h.Namespace, h.Name)))
        {
            var samples = hpa.ToArray();
            var xs = samples.Select(s => axis.ToUnits(s.Time)).ToArray();
            var name = $"{hpa.Key.Namespace}/{hpa.Key.Name}";
            ChartPlot.Steps(plot, xs, samples.Select(s => (double)s.CurrentReplicas).ToArray(), name + " current");
            // Its own colour: desired usually equals current a sync later, and would hide under it.
            ChartPlot.Steps(plot, xs, samples.Select(s => (double)s.DesiredReplicas).ToArray(), name + " desired", ScottPlot.LinePattern.Dashed);
            max = Math.Max(max, samples.Max(s => Math.Max(s.CurrentReplicas, s.DesiredReplicas)));
        }
        plot.Axes.SetLimitsY(0, max * 1.15);
        ChartPlot.RunSpan(plot, axis, result.EndTime);
        ChartPlot.Legend(plot);
        return plot;
    }
}
