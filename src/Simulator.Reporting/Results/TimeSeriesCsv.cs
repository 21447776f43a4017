using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// timeseries.csv: one row per sampling instant. Every resource that appears in any row gets
/// three columns (requested, allocatable, allocation ratio), in ordinal order of resource name,
/// so the header depends only on the data.
/// </summary>
internal static class TimeSeriesCsv
{
    public const string FileName = "timeseries.csv";

    private const string FixedColumns = "time_s,pending_pods,running_pods,succeeded_pods,failed_pods,ready_nodes";

    public static void Write(TextWriter writer, IReadOnlyList<TimeSeriesRow> rows)
    {
        var resources = ResourceNames(rows);
        var header = new List<string>(FixedColumns.Split(','));
        foreach (var resource in resources)
        {
            header.Add("requested_" + resource);
            header.Add("allocatable_" + resource);
            header.Add("allocation_" + resource);
        }
        Csv.WriteRow(writer, header);

        var fields = new string[6 + 3 * resources.Count];
        foreach (var row in rows)
        {
            fields[0] = row.Time.ToSecondsString();
            fields[1] = Integer(row.PendingPods);
            fields[2] = Integer(row.RunningPods);
            fields[3] = Integer(row.SucceededPods);
            fields[4] = Integer(row.FailedPods);
            fields[5] = Integer(row.ReadyNodes);
            int i = 6;
            foreach (var resource in resources)
            {
                long requested = row.Requested.GetValueOrDefault(resource);
                long allocatable = row.Allocatable.GetValueOrDefault(resource);
                fields[i++] = requested.ToString(CultureInfo.InvariantCulture);
                fields[i++] = allocatable.ToString(CultureInfo.InvariantCulture);
                fields[i++] = Ratio(requested, allocatable);
            }
            Csv.WriteRow(writer, fields);
        }
    }

    /// <summary>Fixed six decimals; a cluster with no ready capacity is 0 % allocated rather than NaN.</summary>
    internal static string Ratio(long requested, long allocatable) =>
        (allocatable == 0 ? 0.0 : (double)requested / allocatable).ToString("F6", CultureInfo.InvariantCulture);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string> ResourceNames(IReadOnlyList<TimeSeriesRow> rows)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            names.UnionWith(row.Requested.Keys);
            names.UnionWith(row.Allocatable.Keys);
        }
        return [.. names];
    }
}
