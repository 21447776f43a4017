using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>Pods per second. BenchmarkDotNet divides by OperationsPerInvoke, so the mean is nanoseconds per pod.</summary>
internal sealed class PodsPerSecondColumn : IColumn
{
    public string Id => nameof(PodsPerSecondColumn);
    public string ColumnName => "pods/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Pods scheduled per second (1e9 / mean ns per pod)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        return stats is null || stats.Mean <= 0
            ? "NA"
            : (1e9 / stats.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
