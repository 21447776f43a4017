using System.Globalization;
using Simulator.Engine;

namespace Simulator.Reporting.Views;

/// <summary>
/// kubectl's AGE, LAST SEEN and DURATION text: apimachinery's duration.HumanDuration. Two
/// significant units while the larger is small, one after: seconds below 2 minutes, minutes and
/// seconds below 10 minutes, minutes below 3 hours, hours and minutes below 8 hours, hours below
/// 2 days, days and hours below 8 days, days below 2 years, years and days below 8 years, then
/// years. Every unit is truncated, never rounded; "0s" for up to a second in the past (clock skew),
/// "&lt;invalid&gt;" beyond that.
/// </summary>
public static class HumanDuration
{
    public static string Format(SimDuration duration)
    {
        // Go: int(d.Seconds()) truncates toward zero.
        long seconds = duration.Microseconds / 1_000_000;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return Text(seconds, "s");

        long minutes = seconds / 60;
        if (minutes < 10) return Two(minutes, "m", seconds % 60, "s");
        if (minutes < 60 * 3) return Text(minutes, "m");

        long hours = minutes / 60;
        if (hours < 8) return Two(hours, "h", minutes % 60, "m");
        if (hours < 48) return Text(hours, "h");
        if (hours < 24 * 8) return Two(hours / 24, "d", hours % 24, "h");
        if (hours < 24 * 365 * 2) return Text(hours / 24, "d");
        if (hours < 24 * 365 * 8) return Two(hours / 24 / 365, "y", hours / 24 % 365, "d");
        return Text(hours / 24 / 365, "y");
    }

    private static string Text(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;

    /// <summary>The smaller unit is left out when it is zero: "5m", not "5m0s".</summary>
    private static string Two(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? Text(major, majorUnit) : Text(major, majorUnit) + Text(minor, minorUnit);
}
