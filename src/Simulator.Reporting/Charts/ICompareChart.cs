using Simulator.Reporting.Comparison;

namespace Simulator.Reporting.Charts;

/// <summary>
/// One chart of a comparison (<c>ksim compare</c>), listed by <see cref="CompareCharts.For"/>:
/// the counterpart of <see cref="IRunChart"/>, drawn only from <see cref="ComparisonResult"/>.
/// </summary>
internal interface ICompareChart
{
    /// <summary>The file name without extension: charts/&lt;Name&gt;.png and .svg.</summary>
    string Name { get; }

    bool AppliesTo(ComparisonResult comparison);

    /// <summary>A new plot, titled and labelled, ready to be saved at any size.</summary>
    ScottPlot.Plot Build(ComparisonResult comparison);
}
