namespace Simulator.Cli.Execution;

/// <summary>
/// The one progress line of <c>ksim compare</c> on stderr: runs done out of the total and an
/// estimate of the time left, the wall time so far per finished run times the runs left (with K
/// runs at once, the elapsed time already covers K at a time, so no division by K). On a
/// terminal the line is rewritten in place; otherwise a line at most every two seconds, and the last one.
/// </summary>
internal sealed class CompareProgress(CliContext context, int total)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private readonly long _started = context.Clock.GetTimestamp();
    private long _lastPrinted = context.Clock.GetTimestamp();
    private int _done;

    /// <summary>Called from any worker thread when a run is written.</summary>
    public void RunDone()
    {
        lock (_lock)
        {
            _done++;
            var now = context.Clock.GetTimestamp();
            bool last = _done == total;
            if (!context.ErrorIsTerminal && !last && context.Clock.GetElapsedTime(_lastPrinted, now) < Interval) return;
            _lastPrinted = now;
            var line = Describe(_done, total, context.Clock.GetElapsedTime(_started, now));
            if (context.ErrorIsTerminal) context.Error.Write("\r" + line + (last ? "\n" : ""));
            else context.Error.WriteLine(line);
        }
    }

    internal static string Describe(int done, int total, TimeSpan elapsed)
    {
        var line = $"[ksim] compare: {done}/{total} runs done";
        if (done == total) return line + $" in {elapsed.TotalSeconds:F1} s";
        var left = elapsed / done * (total - done);
        return line + $", about {Math.Ceiling(left.TotalSeconds):F0} s left";
    }
}
