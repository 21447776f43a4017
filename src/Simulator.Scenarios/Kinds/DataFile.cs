using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// A data file a scenario names (a replayed rate CSV, a throughput table): its path is relative
/// to the scenario file that names it, it must exist, and it is bounded like the scenario itself.
/// Every problem is reported at the field that names the file.
/// </summary>
internal static class DataFile
{
    /// <summary>The full path of <paramref name="file"/>, next to the file being read.</summary>
    public static string PathOf(LoadContext context, string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(context.File)) ?? "", file);

    /// <summary>The file's text, or null after reporting why it cannot be read.</summary>
    public static string? ReadText(string path, string file, SourceField fileField, ScenarioErrors errors)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.At(fileField, $"file \"{file}\" not found next to the scenario file");
                return null;
            }
            if (info.Length > InputLimits.MaxFileBytes)
            {
                errors.At(fileField, $"file is larger than {InputLimits.MaxFileSizeText}");
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.At(fileField, "cannot read the file: " + e.Message);
            return null;
        }
    }

    /// <summary>The file's lines as <see cref="File.ReadAllLines(string)"/> splits them, or null after reporting why it cannot be read.</summary>
    public static string[]? ReadLines(string path, string file, SourceField fileField, ScenarioErrors errors)
    {
        if (ReadText(path, file, fileField, errors) is not { } text) return null;
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }
}
