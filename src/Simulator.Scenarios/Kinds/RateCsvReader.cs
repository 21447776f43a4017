using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>replay: {file: rates.csv}</c>: a CSV with the header <c>time_s,rate</c> and one row per
/// change of rate (seconds from the start of the run, requests per second), piecewise constant.
/// The path is relative to the scenario file, and the file is copied into the results with it.
/// Errors name the CSV line and are reported at the <c>file</c> field.
/// </summary>
internal static class RateCsvReader
{
    public const string Header = "time_s,rate";

    /// <summary>A bad file usually has the same mistake on every row; the first few say enough.</summary>
    private const int MaxReportedRows = 10;

    public static TrafficPattern? Read(SourceField replay, LoadContext context)
    {
        var errors = context.Errors;
        if (!FieldValues.CheckFields(replay, errors, "file")) return null;
        var fileField = replay.Child("file");
        var file = FieldValues.String(fileField, errors);
        if (string.IsNullOrEmpty(file))
        {
            errors.At(fileField, "Required value: a CSV file with columns time_s,rate, relative to the scenario file");
            return null;
        }
        var path = DataFile.PathOf(context, file);
        var lines = DataFile.ReadLines(path, file, fileField, errors);
        if (lines is null) return null;

        int before = errors.Count;
        var points = new List<(SimTime, double)>();
        double previous = -1;
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0 || lines[headerLine].Replace(" ", "", StringComparison.Ordinal) != Header)
        {
            errors.At(fileField, $"{file}:{headerLine + 1}: the first line must be the header \"{Header}\"");
            return null;
        }
        for (int i = headerLine + 1; i < lines.Length && errors.Count - before < MaxReportedRows; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string at = $"{file}:{i + 1}";
            var cells = line.Split(',');
            if (cells.Length != 2)
            {
                errors.At(fileField, $"{at}: expected 2 columns (time_s,rate), got {cells.Length}");
                continue;
            }
            if (Number(cells[0], "time_s", at, fileField, errors) is not { } time) continue;
            // The order is checked against every readable time, so one bad rate does not hide a misordered row after it.
            bool ordered = time > previous;
            if (!ordered) errors.At(fileField, $"{at}: time_s must be later than the previous row's, got \"{cells[0].Trim()}\"");
            previous = Math.Max(previous, time);
            if (Number(cells[1], "rate", at, fileField, errors) is not { } rate || !ordered) continue;
            if (rate > (double)TrafficPatternReader.MaxRate)
            {
                errors.At(fileField, $"{at}: rate must be at most {TrafficPatternReader.MaxRate} requests per second, got \"{cells[1].Trim()}\"");
                continue;
            }
            points.Add((SimTime.FromSeconds(time), rate));
        }
        if (errors.Count == before && points.Count == 0)
            errors.At(fileField, $"{file}: has no rows after the header \"{Header}\"");
        if (errors.Count > before) return null;
        context.AddDataFile(path);
        return new TrafficPattern { Kind = TrafficPatternKind.Replay, Points = points };
    }

    private static double? Number(string cell, string column, string at, SourceField fileField, ScenarioErrors errors)
    {
        var text = cell.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.At(fileField, $"{at}: {column} must be a number, got \"{text}\"");
            return null;
        }
        if (value >= 0) return value;
        errors.At(fileField, $"{at}: {column} must not be negative, got \"{text}\"");
        return null;
    }
}
