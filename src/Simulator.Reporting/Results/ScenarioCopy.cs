using System.Security.Cryptography;

namespace Simulator.Reporting.Results;

/// <summary>A file of the scenario copy: its path inside <c>scenario/</c> ('/'-separated) and content hash.</summary>
public sealed record CopiedFile(string Path, long Bytes, string Sha256);

/// <summary>What landed in <c>scenario/</c>, and which path in it to load to run the scenario again.</summary>
public sealed record CopiedScenario(string Entry, IReadOnlyList<CopiedFile> Files);

/// <summary>
/// Copies the scenario's files into <c>scenario/</c> relative to the deepest folder that holds
/// them all and the entry, so a single file keeps its name, a folder keeps its name (a folder
/// scenario without a Scenario document is named after it), and a trace named by a relative path from the
/// scenario is still found at that relative path when the copy is loaded by <c>ksim rerun</c>.
/// </summary>
internal static class ScenarioCopy
{
    public const string DirectoryName = "scenario";

    public static CopiedScenario Copy(ScenarioSource source, string destination)
    {
        var entry = Path.TrimEndingDirectorySeparator(Path.GetFullPath(source.EntryPath));
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in source.Files) files.Add(Path.GetFullPath(file));
        bool entryIsDirectory = Directory.Exists(entry);
        if (!entryIsDirectory) files.Add(entry);

        var root = CommonDirectory(Path.GetDirectoryName(entry) ?? entry, files);
        Directory.CreateDirectory(destination);
        var copied = new List<CopiedFile>(files.Count);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file);
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
            // Hash the copy, which is what a rerun reads, not the original that may change meanwhile.
            using var stream = File.OpenRead(target);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            copied.Add(new CopiedFile(Slashes(relative), stream.Length, hash));
        }
        copied.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CopiedScenario(Slashes(Path.GetRelativePath(root, entry)), copied);
    }

    private static string CommonDirectory(string start, IEnumerable<string> files)
    {
        var common = start;
        foreach (var file in files)
        {
            var directory = Path.GetDirectoryName(file)!;
            while (!IsSameOrInside(directory, common))
            {
                common = Path.GetDirectoryName(common) ?? throw new InvalidOperationException($"no common folder for {file}");
            }
        }
        return common;
    }

    private static bool IsSameOrInside(string path, string directory)
    {
        var relative = Path.GetRelativePath(directory, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static string Slashes(string relative) => relative.Replace('\\', '/');
}
