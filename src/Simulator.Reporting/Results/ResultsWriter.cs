namespace Simulator.Reporting.Results;

/// <summary>
/// Writes one run's results folder (DESIGN §6) atomically: everything goes into a temporary
/// sibling folder that is renamed to the target only once complete, so a reader (or a crash)
/// never sees half a result. Every file except manifest.json is a pure function of the
/// <see cref="RunRecord"/> and the scenario files, which is what <c>ksim rerun</c> checks.
/// </summary>
public static class ResultsWriter
{
    private static int s_attempt;

    /// <summary>The files written for every run, in the order they are written.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        SummaryJson.FileName, PodsCsv.FileName, JobsCsv.FileName, NodesCsv.FileName, RecoveriesCsv.FileName,
        TimeSeriesCsv.FileName, EventsLog.FileName, ManifestJson.FileName, ServicesCsv.FileName,
        HpaCsv.FileName, AllocationCsv.FileName,
    ];

    /// <exception cref="ResultsTargetNotEmptyException">The target exists and holds something.</exception>
    /// <param name="charts">Whether to draw charts/ (<see cref="Charts.RunCharts"/>); ksim compare leaves them out to stay fast.</param>
    public static void Write(string targetDirectory, RunRecord run, bool charts = true)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        if (!ResultsLocation.IsFree(target)) throw new ResultsTargetNotEmptyException(targetDirectory);

        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException("the results folder cannot be a file-system root", nameof(targetDirectory));
        var firstCreated = CreateParents(parent);
        // A sibling, not a folder under /tmp: the final rename must stay on one file system to be atomic.
        var temp = $"{target}.tmp-{Environment.ProcessId}-{Interlocked.Increment(ref s_attempt)}";
        try
        {
            Directory.CreateDirectory(temp);
            var scenario = WriteAll(temp, run);
            if (charts) Charts.RunCharts.Write(Path.Combine(temp, Charts.RunCharts.DirectoryName), run.Result);
            Html.RunReport.Write(temp, run, scenario); // last: it embeds the files above, charts/ included
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temp, target);
        }
        catch
        {
            CleanUp(temp, parent, firstCreated);
            throw;
        }
    }

    /// <returns>The scenario copy, for the report.</returns>
    private static CopiedScenario WriteAll(string directory, RunRecord run)
    {
        var result = run.Result;
        var scenario = ScenarioCopy.Copy(run.Scenario, Path.Combine(directory, ScenarioCopy.DirectoryName));
        SummaryJson.Write(Path.Combine(directory, SummaryJson.FileName), run);
        WriteText(directory, PodsCsv.FileName, w => PodsCsv.Write(w, result.Pods));
        WriteText(directory, JobsCsv.FileName, w => JobsCsv.Write(w, result.Jobs));
        WriteText(directory, NodesCsv.FileName, w => NodesCsv.Write(w, result.Nodes, result.EndTime));
        WriteText(directory, RecoveriesCsv.FileName, w => RecoveriesCsv.Write(w, result.Recoveries, result.EndTime));
        WriteText(directory, TimeSeriesCsv.FileName, w => TimeSeriesCsv.Write(w, result.TimeSeries));
        WriteText(directory, EventsLog.FileName, w => EventsLog.Write(w, result.Events));
        ManifestJson.Write(Path.Combine(directory, ManifestJson.FileName), run, scenario);
        WriteText(directory, ServicesCsv.FileName, w => ServicesCsv.Write(w, result.Services));
        WriteText(directory, HpaCsv.FileName, w => HpaCsv.Write(w, result.Hpas));
        if (result.Decisions is { } decisions) DecisionsJsonl.Write(Path.Combine(directory, DecisionsJsonl.FileName), decisions);
        WriteText(directory, AllocationCsv.FileName, w => AllocationCsv.Write(w, result.Allocation));
        return scenario;
    }

    private static void WriteText(string directory, string fileName, Action<TextWriter> write)
    {
        using var writer = TextFiles.CreateText(Path.Combine(directory, fileName));
        write(writer);
    }

    /// <summary>Best effort: the exception that got us here matters more than one from cleaning up.</summary>
    private static void CleanUp(string temp, string parent, string? firstCreated)
    {
        try
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            RemoveEmptyParents(parent, firstCreated);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Creates the missing ancestors of the target and returns the outermost one it created, if any.</summary>
    private static string? CreateParents(string parent)
    {
        string? firstCreated = null;
        for (var dir = parent; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            firstCreated = dir;
        }
        Directory.CreateDirectory(parent);
        return firstCreated;
    }

    /// <summary>Undoes <see cref="CreateParents"/> on failure, but only folders still empty: another run may share them.</summary>
    private static void RemoveEmptyParents(string parent, string? firstCreated)
    {
        if (firstCreated is null) return;
        for (var dir = parent; dir is not null && dir.Length >= firstCreated.Length; dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any()) return;
            Directory.Delete(dir);
        }
    }
}
