namespace Simulator.Cluster.Metrics;

/// <summary>
/// Training jobs (Jobs, PyTorchJobs and bare pods with <c>ksim.dev/model</c>): their completion
/// time (submission to the last step, seconds, nearest-rank percentiles), the makespan (first
/// submission to last completion) and the GPU-hours failures threw away.
/// </summary>
public sealed record TrainingSummary(int Jobs, int Completed, CompletionTimeSummary CompletionTime, double MakespanSeconds,
    double LostGpuHours, int Interruptions)
{
    public static readonly TrainingSummary None = new(0, 0, CompletionTimeSummary.None, 0, 0, 0);
}
