using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// jobs.csv: one row per Job or PyTorchJob in creation order. <c>first_start_s</c> is when its
/// first pod ran, <c>completed_s</c> when it got its finishing condition (Complete or Failed;
/// a PyTorchJob's Succeeded or Failed), <c>jct_s</c> the time from submission to that (empty while
/// unfinished); <c>attempts</c> counts the pods created for it, <c>failures</c> its failed pods
/// plus the in-place restarts of its restartPolicy: OnFailure pods. The training columns, empty
/// for a job that does not train: <c>queueing_delay_s</c> from submission to the first time all
/// workers were up, <c>run_s</c> from then to the last step, <c>accelerators</c> at the last start,
/// <c>accelerator_types</c> every type it trained on ("k80+v100"), <c>interruptions</c> and
/// <c>lost_gpu_hours</c> what worker failures cost it. Last, a Job's <c>completions</c> (empty when
/// unset) and <c>parallelism</c>, both empty for a PyTorchJob: kubectl's COMPLETIONS column needs them.
/// </summary>
internal static class JobsCsv
{
    public const string FileName = "jobs.csv";

    public const string Header = "namespace,name,uid,submitted_s,first_start_s,completed_s,jct_s,attempts,failures,outcome,reason,"
        + "kind,model,steps,workers,accelerators,accelerator_types,queueing_delay_s,run_s,interruptions,lost_gpu_hours,completions,parallelism";

    /// <summary>The first column after the training ones.</summary>
    private const int SpecColumn = 21;

    public static void Write(TextWriter writer, IReadOnlyList<JobRecord> jobs)
    {
        writer.WriteLine(Header);
        var fields = new string[23];
        foreach (var job in jobs)
        {
            fields[0] = job.Namespace;
            fields[1] = job.Name;
            fields[2] = job.Uid;
            fields[3] = job.Submitted.ToSecondsString();
            fields[4] = Csv.Seconds(job.FirstStart);
            fields[5] = Csv.Seconds(job.Completed);
            fields[6] = Csv.Seconds(job.CompletionTime);
            fields[7] = Csv.Integer(job.Attempts);
            fields[8] = Csv.Integer(job.Failures);
            fields[9] = job.Outcome.ToString();
            fields[10] = job.Reason;
            fields[11] = job.Kind;
            WriteTraining(fields, job.Training);
            fields[SpecColumn] = job.Completions is { } c ? Csv.Integer(c) : "";
            fields[SpecColumn + 1] = job.Parallelism is { } p ? Csv.Integer(p) : "";
            Csv.WriteRow(writer, fields);
        }
    }

    private static void WriteTraining(string[] fields, TrainingRecord? t)
    {
        if (t is null)
        {
            Array.Fill(fields, "", 12, SpecColumn - 12);
            return;
        }
        fields[12] = t.Model;
        fields[13] = t.Steps.ToString(CultureInfo.InvariantCulture);
        fields[14] = Csv.Integer(t.Workers);
        fields[15] = t.AllWorkersUp is null ? "" : Csv.Integer(t.Accelerators);
        fields[16] = t.AcceleratorTypesText;
        fields[17] = Csv.Seconds(t.QueueingDelay);
        fields[18] = Csv.Seconds(t.RunTime);
        fields[19] = Csv.Integer(t.Interruptions);
        fields[20] = t.LostGpuHours.ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// jobs.csv read back, without the training columns (null <see cref="JobRecord.Training"/>);
    /// completions and parallelism, missing in folders written before them, read as null.
    /// </summary>
    public static IReadOnlyList<JobRecord> Read(string path)
    {
        var table = CsvTable.Read(path);
        var jobs = new List<JobRecord>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            jobs.Add(new JobRecord
            {
                Kind = row.Text("kind"),
                Namespace = row.Text("namespace"),
                Name = row.Text("name"),
                Uid = row.Text("uid"),
                Submitted = row.Time("submitted_s"),
                FirstStart = row.OptionalTime("first_start_s"),
                Completed = row.OptionalTime("completed_s"),
                Outcome = row.Enum<JobOutcome>("outcome"),
                Reason = row.Text("reason"),
                Attempts = row.Integer("attempts"),
                Completions = row.Has("completions") ? row.OptionalInteger("completions") : null,
                Parallelism = row.Has("parallelism") ? row.OptionalInteger("parallelism") : null,
            });
        }
        return jobs;
    }
}
