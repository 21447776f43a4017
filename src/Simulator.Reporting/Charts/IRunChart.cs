using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Charts;

/// <summary>
/// One chart of one run: a small class listed in <see cref="RunCharts.All"/>. A chart draws only
/// from <see cref="RunResult"/> and says whether the run has its data, so a run without Services
/// gets no latency chart rather than an empty one.
/// </summary>
internal interface IRunChart
{
    /// <summary>The file name without extension: charts/&lt;Name&gt;.png and .svg.</summary>
    string Name { get; }

    bool AppliesTo(RunResult result);

    /// <summary>A new plot, titled and labelled, ready to be saved at any size.</summary>
    ScottPlot.Plot Build(RunResult result);
}
