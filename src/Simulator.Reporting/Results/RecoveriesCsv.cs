using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>
/// recoveries.csv: one row per outage of a Deployment or of a ReplicaSet without one (ready
/// replicas below the desired count after having reached it), by start time. An outage not
/// recovered by the end has an empty <c>to_s</c> and its <c>duration_s</c> counts up to the end.
/// </summary>
internal static class RecoveriesCsv
{
    public const string FileName = "recoveries.csv";

    public const string Header = "kind,namespace,name,from_s,to_s,duration_s";

    public static void Write(TextWriter writer, IReadOnlyList<RecoveryInterval> recoveries, SimTime end)
    {
        writer.WriteLine(Header);
        var fields = new string[6];
        foreach (var recovery in recoveries)
        {
            fields[0] = recovery.Kind;
            fields[1] = recovery.Namespace;
            fields[2] = recovery.Name;
            fields[3] = recovery.From.ToSecondsString();
            fields[4] = Csv.Seconds(recovery.To);
            fields[5] = Csv.Seconds(recovery.DurationUntil(end));
            Csv.WriteRow(writer, fields);
        }
    }
}
