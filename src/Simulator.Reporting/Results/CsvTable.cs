using System.Globalization;
using System.Text;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>
/// A results CSV file read back: the inverse of <see cref="Csv"/> (RFC 4180 fields, "\n" rows,
/// seconds with six decimals). Columns are found by header name, so a file with columns added at
/// the end still reads; a missing column or a bad value is a <see cref="ResultsFormatException"/>
/// naming file, line and column.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _path;
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        _path = path;
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Read(string path)
    {
        var records = Parse(path, File.ReadAllText(path));
        if (records.Count == 0) throw new ResultsFormatException($"{path}:1: no header row");
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = records[0].Fields;
        for (int i = 0; i < header.Count; i++) columns.TryAdd(header[i], i);
        var table = new CsvTable(path, columns, []);
        var rows = new List<CsvRow>(records.Count - 1);
        for (int i = 1; i < records.Count; i++) rows.Add(new CsvRow(table, records[i].Line, records[i].Fields));
        return new CsvTable(path, columns, rows);
    }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>The index of <paramref name="column"/>; a file without it is not the expected format.</summary>
    internal int IndexOf(string column, int line) =>
        _columns.TryGetValue(column, out var index)
            ? index
            : throw new ResultsFormatException($"{_path}:{line}: column {column}: missing from the header");

    internal ResultsFormatException Error(int line, string column, string message) =>
        new($"{_path}:{line}: column {column}: {message}");

    private static List<(int Line, List<string> Fields)> Parse(string path, string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, fieldStarted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add((recordLine, fields));
                    fields = [];
                    field.Clear();
                    fieldStarted = false;
                    recordLine = ++line;
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        if (quoted) throw new ResultsFormatException($"{path}:{recordLine}: unterminated quoted field");
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>; values by column name.</summary>
internal sealed class CsvRow(CsvTable table, int line, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    /// <summary>False for a column added after the file was written (read as absent, not as an error).</summary>
    public bool Has(string column) => table.HasColumn(column);

    public string Text(string column)
    {
        int index = table.IndexOf(column, Line);
        return index < fields.Count ? fields[index] : throw table.Error(Line, column, $"the row has {fields.Count} fields");
    }

    /// <summary>A time in seconds as <see cref="Csv.Seconds(SimTime?)"/> writes it; empty is null.</summary>
    public SimTime? OptionalTime(string column)
    {
        var text = Text(column);
        if (text.Length == 0) return null;
        return Csv.TryParseSeconds(text, out var time) ? time : throw table.Error(Line, column, $"expected seconds such as 12.500000, got \"{text}\"");
    }

    public SimTime Time(string column) =>
        OptionalTime(column) ?? throw table.Error(Line, column, "expected seconds, got an empty field");

    public int Integer(string column)
    {
        var text = Text(column);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw table.Error(Line, column, $"expected a whole number, got \"{text}\"");
    }

    public int? OptionalInteger(string column) => Text(column).Length == 0 ? null : Integer(column);

    public bool Boolean(string column) => Text(column) switch
    {
        "true" => true,
        "false" => false,
        var text => throw table.Error(Line, column, $"expected true or false, got \"{text}\""),
    };

    public TEnum Enum<TEnum>(string column) where TEnum : struct, Enum
    {
        var text = Text(column);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw table.Error(Line, column, $"expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())}, got \"{text}\"");
    }
}
