using System.Buffers;
using System.Globalization;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>
/// RFC 4180 fields, with "\n" rows instead of CRLF so files diff cleanly, and the value formats
/// every CSV file shares: seconds with six decimals (exact microseconds), empty for a time that
/// never came; integers and booleans in invariant culture.
/// </summary>
internal static class Csv
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(NeedsQuoting) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(fields[i]));
        }
        writer.WriteLine();
    }

    public static string Seconds(SimTime? time) => time is { } t ? t.ToSecondsString() : "";

    public static string Seconds(SimDuration? duration) => duration is { } d ? new SimTime(d.Microseconds).ToSecondsString() : "";

    /// <summary>
    /// The inverse of <see cref="Seconds(SimTime?)"/>: exact, the decimal seconds become whole
    /// microseconds without going through a double. False for anything else.
    /// </summary>
    public static bool TryParseSeconds(string text, out SimTime time)
    {
        time = default;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)) return false;
        var micros = seconds * 1_000_000m;
        if (micros != decimal.Truncate(micros) || micros > long.MaxValue || micros < long.MinValue) return false;
        time = new SimTime((long)micros);
        return true;
    }

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";
}
