using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// hpa.csv: one row per HorizontalPodAutoscaler and metrics sample, at the sample's time. The
/// target is kind/name; current replicas are the target's spec.replicas at that time, desired the
/// controller's last decision; the metric value (six decimals) is the first metric's last
/// measurement, empty before the first. Written for every run: header only without HPAs.
/// </summary>
internal static class HpaCsv
{
    public const string FileName = "hpa.csv";

    public const string Header =
        "time_s,namespace,name,target,min_replicas,max_replicas,current_replicas,desired_replicas,metric_value";

    public static void Write(TextWriter writer, IReadOnlyList<HpaSample> samples)
    {
        writer.WriteLine(Header);
        var fields = new string[9];
        foreach (var row in samples)
        {
            fields[0] = row.Time.ToSecondsString();
            fields[1] = row.Namespace;
            fields[2] = row.Name;
            fields[3] = row.TargetKind + "/" + row.TargetName;
            fields[4] = Csv.Integer(row.MinReplicas);
            fields[5] = Csv.Integer(row.MaxReplicas);
            fields[6] = Csv.Integer(row.CurrentReplicas);
            fields[7] = Csv.Integer(row.DesiredReplicas);
            fields[8] = row.MetricValue is { } v ? v.ToString("F6", CultureInfo.InvariantCulture) : "";
            Csv.WriteRow(writer, fields);
        }
    }
}
