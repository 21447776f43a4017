using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// jobs.csv: one row per Job in creation order. <c>first_start_s</c> is when its first pod ran,
/// <c>completed_s</c> when it got its Complete or Failed condition, <c>jct_s</c> the time from
/// submission to that (empty while unfinished); <c>attempts</c> counts the pods created for it,
/// <c>failures</c> its failed pods plus the in-place restarts of its restartPolicy: OnFailure pods.
/// </summary>
internal static class JobsCsv
{
    public const string FileName = "jobs.csv";

    public const string Header = "namespace,name,uid,submitted_s,first_start_s,completed_s,jct_s,attempts,failures,outcome,reason";

    public static void Write(TextWriter writer, IReadOnlyList<JobRecord> jobs)
    {
        writer.WriteLine(Header);
        var fields = new string[11];
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
            Csv.WriteRow(writer, fields);
        }
    }
}
