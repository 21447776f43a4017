using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// A <see cref="TrafficPattern"/>'s rate r(t) in requests per second, and an upper bound on it
/// for the whole run, against which arrivals are thinned (Lewis-Shedler): candidates come as a
/// Poisson process at the bound and each is kept with probability r(t) / bound, which gives a
/// Poisson process at r(t) exactly, for any shape. A constant rate needs no thinning.
/// </summary>
internal static class TrafficRate
{
    /// <summary>
    /// r(t). <paramref name="cursor"/> is the caller's index into Steps and Replay points: time only
    /// moves forward, so a long replay costs O(1) per arrival rather than a scan from the start.
    /// </summary>
    public static double At(TrafficPattern p, SimTime t, ref int cursor) => p.Kind switch
    {
        TrafficPatternKind.Constant => p.Rate,
        TrafficPatternKind.Diurnal => Math.Max(0, p.Rate + p.Amplitude *
            Math.Sin(2 * Math.PI * (t.Microseconds - p.Phase.Microseconds) / Math.Max(1, p.Period.Microseconds))),
        TrafficPatternKind.Bursts => p.BurstEvery.Microseconds > 0 && t.Microseconds % p.BurstEvery.Microseconds < p.BurstLength.Microseconds
            ? p.PeakRate : p.Rate,
        _ => Step(p, t, ref cursor),
    };

    public static double Max(TrafficPattern p)
    {
        switch (p.Kind)
        {
            case TrafficPatternKind.Constant:
                return p.Rate;
            case TrafficPatternKind.Diurnal:
                return Math.Max(0, p.Rate + Math.Abs(p.Amplitude));
            case TrafficPatternKind.Bursts:
                return Math.Max(p.Rate, p.PeakRate);
            default:
                double max = p.Rate;
                foreach (var (_, rate) in p.Points) max = Math.Max(max, rate);
                return max;
        }
    }

    /// <summary>Steps and Replay: the rate of the last point at or before t; before the first point, <see cref="TrafficPattern.Rate"/>.</summary>
    private static double Step(TrafficPattern p, SimTime t, ref int cursor)
    {
        var points = p.Points;
        while (cursor < points.Count && points[cursor].From <= t) cursor++;
        return cursor == 0 ? p.Rate : points[cursor - 1].Rate;
    }
}
