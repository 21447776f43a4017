using System.Globalization;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>pods.csv: one row per pod in creation order; times in seconds, empty when it never happened.</summary>
internal static class PodsCsv
{
    public const string FileName = "pods.csv";

    public const string Header =
        "namespace,name,uid,node,pod_ip,phase,priority,created_s,scheduled_s,started_s,finished_s,deleted_s," +
        "restarts,failed_scheduling_attempts,reason,message";

    public static void Write(TextWriter writer, IReadOnlyList<PodRecord> pods)
    {
        writer.WriteLine(Header);
        var fields = new string[16];
        foreach (var pod in pods)
        {
            fields[0] = pod.Namespace;
            fields[1] = pod.Name;
            fields[2] = pod.Uid;
            fields[3] = pod.Node;
            fields[4] = pod.PodIP;
            fields[5] = pod.Phase.ToString();
            fields[6] = pod.Priority.ToString(CultureInfo.InvariantCulture);
            fields[7] = pod.Created.ToSecondsString();
            fields[8] = Seconds(pod.Scheduled);
            fields[9] = Seconds(pod.Started);
            fields[10] = Seconds(pod.Finished);
            fields[11] = Seconds(pod.Deleted);
            fields[12] = pod.Restarts.ToString(CultureInfo.InvariantCulture);
            fields[13] = pod.FailedSchedulingAttempts.ToString(CultureInfo.InvariantCulture);
            fields[14] = pod.Reason;
            fields[15] = pod.Message;
            Csv.WriteRow(writer, fields);
        }
    }

    private static string Seconds(SimTime? time) => time is { } t ? t.ToSecondsString() : "";
}
