using System.Globalization;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios;

/// <summary>
/// Reads a scenario file (multi-document YAML: Kubernetes manifests plus ksim kinds) into a
/// <see cref="ScenarioDefinition"/>, or reports every error found, each with its position.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads <paramref name="path"/>; errors name the file as given.</summary>
    public static ScenarioLoadResult Load(string path)
    {
        var errors = new ScenarioErrors(path);
        var text = ReadText(path, errors);
        if (text is null) return Failed(errors);

        var documents = SourceReader.Read(text, errors);
        if (documents is null) return Failed(errors);

        var context = new LoadContext(path, text, errors);
        var identified = new List<(SourceDocument Document, KindEntry Kind)>();
        foreach (var document in documents)
        {
            // kubectl skips empty documents too: a trailing "---" or a file of comments is fine.
            if (document.IsEmpty || document.HasErrors) continue;
            if (KindRegistry.Identify(document, errors) is { } kind) identified.Add((document, kind));
        }
        foreach (var phase in Enum.GetValues<ReadPhase>())
            foreach (var (document, kind) in identified)
                if (kind.Phase == phase) kind.Read(document, context);

        return errors.Count > 0 ? Failed(errors) : new ScenarioLoadResult(context.Build(), []);
    }

    private static string? ReadText(string path, ScenarioErrors errors)
    {
        var start = new Position(1, 1);
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                errors.Add(start, "", "is a directory; give a scenario file");
                return null;
            }
            if (!info.Exists)
            {
                errors.Add(start, "", "file not found");
                return null;
            }
            if (info.Length > InputLimits.MaxFileBytes)
            {
                errors.Add(start, "", $"file is larger than {InputLimits.MaxFileSizeText} ({info.Length.ToString(CultureInfo.InvariantCulture)} bytes)");
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(start, "", "cannot read the file: " + e.Message);
            return null;
        }
    }

    private static ScenarioLoadResult Failed(ScenarioErrors errors) => new(null, errors.InFileOrder());
}
