using System.Globalization;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios;

/// <summary>
/// Reads a scenario (one multi-document YAML file of Kubernetes manifests plus ksim kinds, or a
/// folder of them) into a <see cref="ScenarioDefinition"/>, or reports every error found, each
/// with its file and position.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>: a file, or a folder whose <c>*.yaml</c> and <c>*.yml</c>
    /// files (not those in subfolders) are read in file-name order as if they were one stream of
    /// documents. Errors name each file as the path given plus its name.
    /// </summary>
    public static ScenarioLoadResult Load(string path)
    {
        var errors = new ScenarioErrors(path);
        var files = Directory.Exists(path) ? FolderFiles(path, errors) : [path];
        if (files is null) return Failed(errors);
        var texts = ReadTexts(files, errors);
        if (texts is null) return Failed(errors);

        var context = new LoadContext(DefaultName(path), errors);
        var budget = new ReadBudget();
        var identified = new List<(string File, string Text, SourceDocument Document, KindEntry Kind)>();
        foreach (var (file, text) in texts)
        {
            context.Enter(file, text);
            // A syntax error or a crossed limit makes the rest of the input untrustworthy, as in one file.
            if (SourceReader.Read(text, errors, budget) is not { } documents) return Failed(errors);
            foreach (var document in documents)
            {
                // kubectl skips empty documents too: a trailing "---" or a file of comments is fine.
                if (document.IsEmpty || document.HasErrors) continue;
                if (KindRegistry.Identify(document, errors) is { } kind) identified.Add((file, text, document, kind));
            }
        }
        // Phases run across all files, so a reference may point into any file of a folder.
        foreach (var phase in Enum.GetValues<ReadPhase>())
            foreach (var (file, text, document, kind) in identified)
            {
                if (kind.Phase != phase) continue;
                context.Enter(file, text);
                kind.Read(document, context);
            }
        context.RunThroughputTableChecks();

        return errors.Count > 0 ? Failed(errors) : new ScenarioLoadResult(context.Build(), []);
    }

    private static string DefaultName(string path) => Directory.Exists(path)
        ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)))
        : Path.GetFileNameWithoutExtension(path);

    /// <summary>The folder's YAML files in ordinal name order, or null after reporting that there are none.</summary>
    private static List<string>? FolderFiles(string folder, ScenarioErrors errors)
    {
        try
        {
            var files = Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .Select(name => Path.Combine(folder, name!))
                .ToList();
            if (files.Count > 0) return files;
            errors.Enter(Path.TrimEndingDirectorySeparator(folder) + "/");
            errors.AddUnplaced("no .yaml or .yml files");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.AddUnplaced("cannot read the folder: " + e.Message);
        }
        return null;
    }

    /// <summary>
    /// Every file's text, or null after reporting why not. The size limit is checked before
    /// reading and is for all files together, since together they are one scenario.
    /// </summary>
    private static List<(string File, string Text)>? ReadTexts(List<string> files, ScenarioErrors errors)
    {
        var start = new Position(1, 1);
        var texts = new List<(string, string)>();
        long total = 0;
        foreach (var file in files)
        {
            errors.Enter(file);
            try
            {
                var info = new FileInfo(file);
                if (!info.Exists)
                {
                    errors.Add(start, "", "file not found");
                    return null;
                }
                total += info.Length;
                if (total > InputLimits.MaxFileBytes)
                {
                    string what = files.Count == 1 ? "file is" : "the scenario's files are";
                    errors.Add(start, "", $"{what} larger than {InputLimits.MaxFileSizeText} ({total.ToString(CultureInfo.InvariantCulture)} bytes)");
                    return null;
                }
                texts.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add(start, "", "cannot read the file: " + e.Message);
                return null;
            }
        }
        return texts;
    }

    private static ScenarioLoadResult Failed(ScenarioErrors errors) => new(null, errors.InFileOrder());
}
