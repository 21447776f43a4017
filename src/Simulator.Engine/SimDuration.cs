using System.Globalization;
using System.Text;

namespace Simulator.Engine;

/// <summary>
/// A span of virtual time in whole microseconds. Parses and prints Go/Kubernetes duration
/// syntax ("90s", "5m", "1h30m", "250ms"), plus "d" for days as a ksim extension.
/// </summary>
public readonly record struct SimDuration(long Microseconds) : IComparable<SimDuration>
{
    public static readonly SimDuration Zero = new(0);

    public static SimDuration FromMicroseconds(long us) => new(us);
    public static SimDuration FromMilliseconds(long ms) => new(checked(ms * 1_000));
    public static SimDuration FromSeconds(long s) => new(checked(s * 1_000_000));
    public static SimDuration FromSeconds(double s) => new(checked((long)Math.Round(s * 1_000_000.0)));
    public static SimDuration FromMinutes(long m) => new(checked(m * 60_000_000));
    public static SimDuration FromHours(long h) => new(checked(h * 3_600_000_000));

    public double TotalSeconds => Microseconds / 1_000_000.0;

    public int CompareTo(SimDuration other) => Microseconds.CompareTo(other.Microseconds);

    public static SimDuration operator +(SimDuration a, SimDuration b) => new(a.Microseconds + b.Microseconds);
    public static SimDuration operator -(SimDuration a, SimDuration b) => new(a.Microseconds - b.Microseconds);
    public static SimDuration operator *(SimDuration a, long k) => new(checked(a.Microseconds * k));
    public static bool operator <(SimDuration a, SimDuration b) => a.Microseconds < b.Microseconds;
    public static bool operator >(SimDuration a, SimDuration b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(SimDuration a, SimDuration b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(SimDuration a, SimDuration b) => a.Microseconds >= b.Microseconds;

    public static SimDuration Min(SimDuration a, SimDuration b) => a.Microseconds <= b.Microseconds ? a : b;
    public static SimDuration Max(SimDuration a, SimDuration b) => a.Microseconds >= b.Microseconds ? a : b;

    // Decimal so that "1500ns" is 1.5us before truncation rather than 1500 times zero.
    private static readonly (string Unit, decimal Micros)[] Units =
    [
        ("ns", 0.001m), ("us", 1), ("µs", 1), ("μs", 1), ("ms", 1_000), ("s", 1_000_000),
        ("m", 60_000_000), ("h", 3_600_000_000), ("d", 86_400_000_000),
    ];

    /// <summary>
    /// Parses Go duration syntax: a sequence of decimal numbers, each with an optional fraction and
    /// a unit suffix ("1h30m", "1.5s", "300ms"). "0" alone is allowed. Negative durations are
    /// rejected: nothing in a scenario can last less than nothing. Sub-microsecond precision is
    /// truncated, since the clock ticks in microseconds.
    /// </summary>
    public static bool TryParse(string? text, out SimDuration duration, out string error)
    {
        duration = Zero;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a duration is required, e.g. \"90s\", \"5m\", \"1h30m\"";
            return false;
        }
        var s = text.Trim();
        if (s == "0") return true;
        if (s[0] == '-')
        {
            error = $"must not be negative, got \"{text}\"";
            return false;
        }
        if (s[0] == '+') s = s[1..];

        decimal total = 0;
        int i = 0;
        while (i < s.Length)
        {
            int start = i, digits = 0, points = 0;
            for (; i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'); i++)
            {
                if (s[i] == '.') points++;
                else digits++;
            }
            if (digits == 0 || points > 1)
            {
                error = $"invalid duration \"{text}\": expected a number at position {start + 1} (use Go syntax such as \"90s\", \"5m\", \"1h30m\")";
                return false;
            }
            // Well-formed by now, so the only way left to fail is more digits than a decimal holds.
            if (!decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"invalid duration \"{text}\": too large";
                return false;
            }
            int unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            var unit = s[unitStart..i];
            decimal micros = -1;
            foreach (var (name, value) in Units)
            {
                if (name == unit) { micros = value; break; }
            }
            if (micros < 0)
            {
                error = unit.Length == 0
                    ? $"invalid duration \"{text}\": missing unit after {number.ToString(CultureInfo.InvariantCulture)} (one of ns, us, ms, s, m, h, d)"
                    : $"invalid duration \"{text}\": unknown unit \"{unit}\" (one of ns, us, ms, s, m, h, d)";
                return false;
            }
            try
            {
                total += number * micros;
            }
            catch (OverflowException)
            {
                error = $"invalid duration \"{text}\": too large";
                return false;
            }
        }
        if (total > long.MaxValue)
        {
            error = $"invalid duration \"{text}\": too large";
            return false;
        }
        duration = new SimDuration((long)decimal.Truncate(total));
        return true;
    }

    public static SimDuration Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    /// <summary>Go's time.Duration.String() form: "1h30m0s", "1.5s", "250ms", "1.5µs", "0s".</summary>
    public override string ToString()
    {
        if (Microseconds == 0) return "0s";
        var sb = new StringBuilder();
        if (Microseconds < 0) sb.Append('-');
        // Magnitude as unsigned, so that long.MinValue has one too.
        ulong us = Microseconds < 0 ? (ulong)-(Microseconds + 1) + 1 : (ulong)Microseconds;
        if (us < 1_000) return sb.Append(us.ToString(CultureInfo.InvariantCulture)).Append("µs").ToString();
        if (us < 1_000_000) return sb.Append(FormatFraction(us, 1_000)).Append("ms").ToString();
        ulong hours = us / 3_600_000_000;
        us -= hours * 3_600_000_000;
        ulong minutes = us / 60_000_000;
        us -= minutes * 60_000_000;
        if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (hours > 0 || minutes > 0) sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        sb.Append(FormatFraction(us, 1_000_000)).Append('s');
        return sb.ToString();
    }

    private static string FormatFraction(ulong value, ulong unit)
    {
        ulong whole = value / unit;
        ulong frac = value % unit;
        if (frac == 0) return whole.ToString(CultureInfo.InvariantCulture);
        int digits = unit == 1_000 ? 3 : 6;
        var fracText = frac.ToString("D" + digits, CultureInfo.InvariantCulture).TrimEnd('0');
        return whole.ToString(CultureInfo.InvariantCulture) + "." + fracText;
    }
}
