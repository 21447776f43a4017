using System.Globalization;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// A trace CSV with a header row, read by column name (extra columns are ignored, so a trace
/// with more columns still loads). Every problem is reported at the scenario field naming the
/// file as <c>file:line: column X: ...</c>; after <see cref="MaxReportedRows"/> bad rows the rest
/// are not read, as a bad file usually has the same mistake on every row.
/// </summary>
internal sealed class TraceCsvTable
{
    public const int MaxReportedRows = 10;

    private readonly string[] _lines;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly SourceField _fileField;
    private readonly ScenarioErrors _errors;
    private readonly int _headerLine;
    private string[] _cells = [];
    private int _line;

    private TraceCsvTable(string[] lines, int headerLine, string file, SourceField fileField, ScenarioErrors errors)
    {
        _lines = lines;
        _headerLine = headerLine;
        _file = file;
        _fileField = fileField;
        _errors = errors;
        var header = lines[headerLine].Split(',');
        for (int i = 0; i < header.Length; i++) _columns.TryAdd(header[i].Trim(), i);
    }

    /// <summary>The table, or null after reporting a missing file or header column.</summary>
    public static TraceCsvTable? Open(string[] lines, string file, SourceField fileField, ScenarioErrors errors, params string[] required)
    {
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0)
        {
            errors.At(fileField, $"{file}:1: the file is empty; the first line must be the header ({string.Join(',', required)})");
            return null;
        }
        var table = new TraceCsvTable(lines, headerLine, file, fileField, errors);
        bool complete = true;
        foreach (var column in required)
        {
            if (table._columns.ContainsKey(column)) continue;
            errors.At(fileField, $"{file}:{headerLine + 1}: column {column}: missing from the header (required: {string.Join(',', required)})");
            complete = false;
        }
        return complete ? table : null;
    }

    /// <summary>The 1-based line of the row being read.</summary>
    public int Line => _line + 1;

    /// <summary>Moves to the next data row (blank lines skipped); false at the end or after too many errors.</summary>
    public bool NextRow(int errorsBefore)
    {
        if (_errors.Count - errorsBefore >= MaxReportedRows) return false;
        if (_line < _headerLine) _line = _headerLine;
        while (++_line < _lines.Length)
        {
            if (_lines[_line].Trim().Length == 0) continue;
            _cells = _lines[_line].Split(',');
            return true;
        }
        return false;
    }

    /// <summary>The cell of <paramref name="column"/> in this row, trimmed; "" if the row is short.</summary>
    public string Text(string column)
    {
        int index = _columns[column];
        return index < _cells.Length ? _cells[index].Trim() : "";
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null after reporting it.</summary>
    public long? Integer(string column, long min, long max)
    {
        var text = Text(column);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(column, $"must be a whole number, got \"{text}\"");
            return null;
        }
        if (value >= min && value <= max) return value;
        Error(column, $"must be between {min} and {max}, got \"{text}\"");
        return null;
    }

    public void Error(string column, string message) => _errors.At(_fileField, $"{_file}:{Line}: column {column}: {message}");
}
