using System.Globalization;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Views;

/// <summary>One Job as <c>kubectl get jobs</c> shows it at a virtual time.</summary>
public sealed record JobView(JobRecord Job, int Succeeded, SimTime At)
{
    /// <summary>Complete or Failed once the Job has that condition, Running before (kubectl's default, also while no pod has started).</summary>
    public string Status => Job.Completed is { } c && c <= At ? Job.Outcome.ToString() : "Running";

    /// <summary>
    /// kubectl's printJob: succeeded/completions; without spec.completions, succeeded/1, written
    /// "n/1 of p" when spec.parallelism is above 1.
    /// </summary>
    public string Completions
    {
        get
        {
            var succeeded = Succeeded.ToString(CultureInfo.InvariantCulture);
            if (Job.Completions is { } completions) return succeeded + "/" + completions.ToString(CultureInfo.InvariantCulture);
            return Job.Parallelism is { } p && p > 1 ? succeeded + "/1 of " + p.ToString(CultureInfo.InvariantCulture) : succeeded + "/1";
        }
    }

    /// <summary>
    /// From status.startTime (set when the job controller first syncs it, at submission in ksim) to
    /// status.completionTime, which only a Complete Job gets; a Failed or running Job's duration
    /// keeps counting, as kubectl shows it.
    /// </summary>
    public string Duration =>
        HumanDuration.Format((Job.Outcome == JobOutcome.Complete && Job.Completed is { } c && c <= At ? c : At) - Job.Submitted);

    public string Age => HumanDuration.Format(At - Job.Submitted);
}
