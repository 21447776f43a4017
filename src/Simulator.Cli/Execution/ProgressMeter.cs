using System.Globalization;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Scenarios;

namespace Simulator.Cli.Execution;

/// <summary>
/// A run's pace in wall time, for the progress line: events per second since the start and, when
/// the run has a duration, the time left at that pace (virtual time left × wall time so far /
/// virtual time so far, the estimate a run of steady density deserves).
/// </summary>
internal sealed class ProgressMeter(TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();

    public TimeSpan Elapsed => clock.GetElapsedTime(_started);

    /// <summary><c>t=1h0m0s events=36000 (18000/s) pending=3 running=10 eta 4s</c>.</summary>
    public string Describe(RunProgress progress)
    {
        var elapsed = Elapsed;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"t={progress.Now} events={progress.EventsProcessed} ({Rate(progress.EventsProcessed, elapsed)}/s) pending={progress.PendingPods} running={progress.RunningPods}");
        if (progress.End is { } end && progress.Now.Microseconds > 0 && progress.Now < end)
        {
            double left = elapsed.TotalSeconds * (end - progress.Now).Microseconds / progress.Now.Microseconds;
            text += " eta " + SimDuration.FromSeconds(Math.Round(left)).ToString();
        }
        return text;
    }

    /// <summary>The final line: <c>done: 3h0m0s simulated in 2.1 s of wall time (227143 events/s)</c>.</summary>
    public string Done(RunResult result)
    {
        var elapsed = Elapsed;
        return string.Create(CultureInfo.InvariantCulture,
            $"done: {result.EndTime - SimTime.Zero} simulated in {elapsed.TotalSeconds:F1} s of wall time ({Rate(result.Summary.EventsProcessed, elapsed)} events/s)");
    }

    private static long Rate(long events, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? (long)Math.Round(events / elapsed.TotalSeconds) : 0;
}
