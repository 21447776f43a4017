using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Simulator.Benchmarks;

/// <summary>
/// Operations per second as a column. BenchmarkDotNet already divides by OperationsPerInvoke,
/// so the mean is nanoseconds per operation; <paramref name="scale"/> turns 1e9 / mean into the
/// unit shown (1e6 for "M events/s", 1 for "pods/s").
/// </summary>
internal sealed class ThroughputColumn(string columnName, string legend, double scale, string format) : IColumn
{
    public static ThroughputColumn MillionEventsPerSecond() =>
        new("M events/s", "Millions of events handled per second (1000 / mean ns per event)", 1e6, "F2");

    public static ThroughputColumn PodsPerSecond() =>
        new("pods/s", "Pods scheduled per second (1e9 / mean ns per pod)", 1, "N0");

    public string Id => nameof(ThroughputColumn) + columnName;
    public string ColumnName => columnName;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        return stats is null || stats.Mean <= 0
            ? "NA"
            : (1e9 / stats.Mean / scale).ToString(format, CultureInfo.InvariantCulture);
    }
}
