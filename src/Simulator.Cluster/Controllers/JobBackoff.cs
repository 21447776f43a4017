using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The Job controller's backoff record (job_controller's backoffRecord): failures since the last
/// success and when the latest happened. New pods wait 10 s·2^(f−1), capped at 10 min, counted
/// from that failure; a success resets the count.
/// </summary>
internal struct JobBackoff
{
    public int FailuresAfterLastSuccess { get; private set; }

    public SimTime LastFailureTime { get; private set; }

    public void Failed(SimTime at)
    {
        FailuresAfterLastSuccess++;
        LastFailureTime = at;
    }

    public void Succeeded() => FailuresAfterLastSuccess = 0;

    /// <summary>How long pod creation must still wait at <paramref name="now"/> (zero: create now).</summary>
    public readonly SimDuration RemainingAt(SimTime now, SimDuration initial, SimDuration max)
    {
        if (FailuresAfterLastSuccess == 0) return SimDuration.Zero;
        var backoff = initial;
        for (int i = 1; i < FailuresAfterLastSuccess && backoff < max; i++) backoff = backoff * 2;
        backoff = SimDuration.Min(backoff, max);
        var elapsed = now - LastFailureTime;
        return elapsed >= backoff ? SimDuration.Zero : backoff - elapsed;
    }
}
