using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// services.csv: one row per Service that received traffic and per metrics interval, at the end
/// of the interval; counts are over the interval, latencies (seconds, six decimals) are exact
/// nearest-rank percentiles of the interval's completed requests (0 when none), endpoints the
/// ready endpoints at the row's time. Written for every run: header only when there is no traffic.
/// </summary>
internal static class ServicesCsv
{
    public const string FileName = "services.csv";

    public const string Header =
        "time_s,service,arrivals,completed,failed_no_endpoints,failed_queue_full,failed_timeout,failed_pod_gone," +
        "latency_p50_s,latency_p95_s,latency_p99_s,endpoints";

    public static void Write(TextWriter writer, IReadOnlyList<ServiceInterval> intervals)
    {
        writer.WriteLine(Header);
        var fields = new string[12];
        foreach (var row in intervals)
        {
            fields[0] = row.Time.ToSecondsString();
            fields[1] = row.Service;
            fields[2] = Count(row.Arrivals);
            fields[3] = Count(row.Completed);
            fields[4] = Count(row.FailedNoEndpoints);
            fields[5] = Count(row.FailedQueueFull);
            fields[6] = Count(row.FailedTimeout);
            fields[7] = Count(row.FailedPodGone);
            fields[8] = Seconds(row.LatencyP50Seconds);
            fields[9] = Seconds(row.LatencyP95Seconds);
            fields[10] = Seconds(row.LatencyP99Seconds);
            fields[11] = Csv.Integer(row.Endpoints);
            Csv.WriteRow(writer, fields);
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
