using System.Buffers;

namespace Simulator.Reporting.Results;

/// <summary>RFC 4180 fields, with "\n" rows instead of CRLF so files diff cleanly.</summary>
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
}
