using Simulator.Engine;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The unit a time axis is drawn in, picked from the span it covers so ticks stay readable:
/// seconds up to 2 minutes, minutes up to 2 hours, hours up to 2 days, then days.
/// </summary>
internal readonly record struct ChartTimeAxis(double SecondsPerUnit, string Unit)
{
    public static ChartTimeAxis For(SimTime span) => For(span.TotalSeconds);

    public static ChartTimeAxis For(double seconds) => seconds switch
    {
        <= 120 => new(1, "s"),
        <= 2 * 3600 => new(60, "min"),
        <= 2 * 86400 => new(3600, "h"),
        _ => new(86400, "d"),
    };

    public double ToUnits(SimTime time) => time.TotalSeconds / SecondsPerUnit;

    public double ToUnits(double seconds) => seconds / SecondsPerUnit;

    /// <summary>"time (h)": the label of an axis of virtual time since the start of the run.</summary>
    public string TimeLabel => $"virtual time ({Unit})";
}
