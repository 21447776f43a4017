using System.Text;

namespace Simulator.Reporting.Results;

/// <summary>The first place two results folders differ. Line 0 means the file exists on one side only.</summary>
public sealed record FileDifference(string File, int Line, string Original, string Rerun);

/// <summary>
/// Byte-for-byte comparison of two results folders, as <c>ksim rerun</c> needs it: every file
/// (scenario copy included) except manifest.json, which holds wall-clock times by design, and
/// charts/: pictures drawn from the files that are compared, whose bytes are the renderer's business,
/// and report.html, a view of the other files that also shows the ksim version and git commit.
/// </summary>
public sealed record ResultsComparison(int FilesCompared, FileDifference? FirstDifference)
{
    private const int MaxShownLineLength = 200;
    private const string Missing = "(no such file)";
    private const string EndOfFile = "(end of file)";

    public bool Identical => FirstDifference is null;

    public static ResultsComparison Compare(string originalDirectory, string rerunDirectory)
    {
        var original = RelativeFiles(originalDirectory);
        var rerun = RelativeFiles(rerunDirectory);
        var all = new SortedSet<string>(original, StringComparer.Ordinal);
        all.UnionWith(rerun);
        foreach (var file in all)
        {
            if (!original.Contains(file)) return new(all.Count, new FileDifference(file, 0, Missing, "(present)"));
            if (!rerun.Contains(file)) return new(all.Count, new FileDifference(file, 0, "(present)", Missing));
            var a = File.ReadAllBytes(Path.Combine(originalDirectory, file));
            var b = File.ReadAllBytes(Path.Combine(rerunDirectory, file));
            if (!a.AsSpan().SequenceEqual(b)) return new(all.Count, FirstDifferingLine(file, a, b));
        }
        return new(all.Count, null);
    }

    private static HashSet<string> RelativeFiles(string directory)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative != ManifestJson.FileName && relative != Html.RunReport.FileName
                && !relative.StartsWith(Charts.RunCharts.DirectoryName + "/", StringComparison.Ordinal)) files.Add(relative);
        }
        return files;
    }

    private static FileDifference FirstDifferingLine(string file, byte[] a, byte[] b)
    {
        int line = 1;
        int start = 0;
        while (true)
        {
            var lineA = NextLine(a, start);
            var lineB = NextLine(b, start);
            // A line is also different when only one side ends without its '\n'.
            bool lastA = start + lineA.Length >= a.Length;
            bool lastB = start + lineB.Length >= b.Length;
            if (!lineA.SequenceEqual(lineB) || lastA != lastB || lastA)
            {
                bool markEnd = lastA != lastB && lineA.SequenceEqual(lineB);
                return new FileDifference(file, line, Show(a, start, lineA, markEnd && lastA), Show(b, start, lineB, markEnd && lastB));
            }
            start += lineA.Length + 1;
            line++;
        }
    }

    /// <summary>The bytes from <paramref name="start"/> up to, not including, the next '\n'.</summary>
    private static ReadOnlySpan<byte> NextLine(byte[] bytes, int start)
    {
        if (start >= bytes.Length) return [];
        var rest = bytes.AsSpan(start);
        int end = rest.IndexOf((byte)'\n');
        return end < 0 ? rest : rest[..end];
    }

    private static string Show(byte[] bytes, int start, ReadOnlySpan<byte> line, bool noNewline)
    {
        if (start >= bytes.Length) return EndOfFile;
        var text = Encoding.UTF8.GetString(line);
        if (text.Length > MaxShownLineLength) text = text[..MaxShownLineLength] + "...";
        return noNewline ? text + " (no newline at end of file)" : text;
    }
}
