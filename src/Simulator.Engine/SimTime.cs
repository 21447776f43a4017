using System.Globalization;

namespace Simulator.Engine;

/// <summary>
/// An instant of virtual time, in whole microseconds since the start of the run.
/// Integer time is what makes two runs of the same scenario bit-identical: no rounding ever
/// depends on the order in which durations were added up.
/// </summary>
public readonly record struct SimTime(long Microseconds) : IComparable<SimTime>
{
    public static readonly SimTime Zero = new(0);
    public static readonly SimTime MaxValue = new(long.MaxValue);

    public double TotalSeconds => Microseconds / 1_000_000.0;

    public static SimTime FromSeconds(double seconds) => new(checked((long)Math.Round(seconds * 1_000_000.0)));

    public int CompareTo(SimTime other) => Microseconds.CompareTo(other.Microseconds);

    public static SimTime operator +(SimTime t, SimDuration d) => new(t.Microseconds + d.Microseconds);
    public static SimTime operator -(SimTime t, SimDuration d) => new(t.Microseconds - d.Microseconds);
    public static SimDuration operator -(SimTime a, SimTime b) => new(a.Microseconds - b.Microseconds);
    public static bool operator <(SimTime a, SimTime b) => a.Microseconds < b.Microseconds;
    public static bool operator >(SimTime a, SimTime b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(SimTime a, SimTime b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(SimTime a, SimTime b) => a.Microseconds >= b.Microseconds;

    public static SimTime Max(SimTime a, SimTime b) => a.Microseconds >= b.Microseconds ? a : b;
    public static SimTime Min(SimTime a, SimTime b) => a.Microseconds <= b.Microseconds ? a : b;

    /// <summary>Seconds with microsecond precision, invariant culture: "12.500000".</summary>
    public string ToSecondsString() =>
        (Microseconds / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." +
        Math.Abs(Microseconds % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Go-style elapsed time since the start, e.g. "1h2m3.5s".</summary>
    public override string ToString() => new SimDuration(Microseconds).ToString();
}
