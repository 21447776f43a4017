using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// pods.csv: one row per pod in creation order; times in seconds, empty when it never happened.
/// Columns added after the first release go at the end, so readers by position keep working:
/// the controller owner (<c>owner_kind,owner_name</c>, empty for a bare pod) and <c>evicted</c>
/// (drain, taint manager, preemption or node pressure; the reason column says which), then
/// <c>gpus</c>: the node's physical GPUs the pod held, whole GPUs as indices joined by ';'
/// ("0;1"), a ksim.dev/gpu-milli share as index:thousandths ("3:500"), empty without GPUs; then
/// <c>terminating_s</c>: the deletion timestamp, from which kubectl shows the pod Terminating until
/// <c>deleted_s</c> (equal to it when the pod was removed at once).
/// </summary>
internal static class PodsCsv
{
    public const string FileName = "pods.csv";

    public const string Header =
        "namespace,name,uid,node,pod_ip,phase,priority,created_s,scheduled_s,started_s,finished_s,deleted_s," +
        "restarts,failed_scheduling_attempts,reason,message,owner_kind,owner_name,evicted,gpus,terminating_s";

    public static void Write(TextWriter writer, IReadOnlyList<PodRecord> pods)
    {
        writer.WriteLine(Header);
        var fields = new string[21];
        foreach (var pod in pods)
        {
            fields[0] = pod.Namespace;
            fields[1] = pod.Name;
            fields[2] = pod.Uid;
            fields[3] = pod.Node;
            fields[4] = pod.PodIP;
            fields[5] = pod.Phase.ToString();
            fields[6] = Csv.Integer(pod.Priority);
            fields[7] = pod.Created.ToSecondsString();
            fields[8] = Csv.Seconds(pod.Scheduled);
            fields[9] = Csv.Seconds(pod.Started);
            fields[10] = Csv.Seconds(pod.Finished);
            fields[11] = Csv.Seconds(pod.Deleted);
            fields[12] = Csv.Integer(pod.Restarts);
            fields[13] = Csv.Integer(pod.FailedSchedulingAttempts);
            fields[14] = pod.Reason;
            fields[15] = pod.Message;
            fields[16] = pod.OwnerKind;
            fields[17] = pod.OwnerName;
            fields[18] = Csv.Boolean(pod.Evicted);
            fields[19] = pod.Gpus;
            fields[20] = Csv.Seconds(pod.Terminating);
            Csv.WriteRow(writer, fields);
        }
    }

    /// <summary>pods.csv read back into records (terminating_s, missing in folders written before it, reads as null).</summary>
    public static IReadOnlyList<PodRecord> Read(string path)
    {
        var table = CsvTable.Read(path);
        var pods = new List<PodRecord>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            pods.Add(new PodRecord
            {
                Namespace = row.Text("namespace"),
                Name = row.Text("name"),
                Uid = row.Text("uid"),
                Created = row.Time("created_s"),
                Priority = row.Integer("priority"),
                OwnerKind = row.Text("owner_kind"),
                OwnerName = row.Text("owner_name"),
                Node = row.Text("node"),
                PodIP = row.Text("pod_ip"),
                Phase = row.Enum<PodPhase>("phase"),
                Scheduled = row.OptionalTime("scheduled_s"),
                Started = row.OptionalTime("started_s"),
                Finished = row.OptionalTime("finished_s"),
                Deleted = row.OptionalTime("deleted_s"),
                Terminating = row.Has("terminating_s") ? row.OptionalTime("terminating_s") : null,
                Restarts = row.Integer("restarts"),
                FailedSchedulingAttempts = row.Integer("failed_scheduling_attempts"),
                Reason = row.Text("reason"),
                Message = row.Text("message"),
                Evicted = row.Boolean("evicted"),
                Gpus = row.Has("gpus") ? row.Text("gpus") : "",
            });
        }
        return pods;
    }
}
