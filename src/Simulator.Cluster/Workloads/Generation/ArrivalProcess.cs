using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads.Generation;

/// <summary>
/// A Poisson process whose rate is piecewise constant, sampled by inversion: the next arrival
/// after t is where the integral of the rate from t reaches a unit-exponential draw. That is exact
/// for any steps (no thinning, so one draw per arrival) and needs no special case for a step at
/// rate 0, which is simply a stretch the integral crosses without growing.
/// </summary>
internal sealed class ArrivalProcess(IReadOnlyList<ArrivalRateStep> steps)
{
    private const double MicrosecondsPerHour = 3_600_000_000.0;

    /// <summary>The step in effect at the last time asked for, -1 before the first; time only moves forward.</summary>
    private int _cursor = -1;

    /// <summary>
    /// The arrival after <paramref name="after"/> for the unit-exponential draw
    /// <paramref name="exponential"/>, or null if the rate stays 0 from some point on.
    /// </summary>
    public SimTime? Next(SimTime after, double exponential)
    {
        double t = after.Microseconds;
        while (_cursor + 1 < steps.Count && steps[_cursor + 1].At.Microseconds <= t) _cursor++;
        double remaining = exponential;
        for (int i = _cursor; ; i++)
        {
            double rate = i >= 0 ? steps[i].JobsPerHour / MicrosecondsPerHour : 0;
            double boundary = i + 1 < steps.Count ? steps[i + 1].At.Microseconds : double.PositiveInfinity;
            if (rate > 0 && t + remaining / rate < boundary)
            {
                double at = Math.Round(t + remaining / rate);
                return at >= SimTime.MaxValue.Microseconds ? null : new SimTime((long)at);
            }
            if (double.IsPositiveInfinity(boundary)) return null;
            remaining -= rate * (boundary - t);
            t = boundary;
        }
    }
}
