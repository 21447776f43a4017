using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Views;

/// <summary>
/// A finished run read back from its results folder: the files the kubectl-style views need
/// (pods.csv, nodes.csv, jobs.csv, events.log) and when the run ended (summary.json's end_time_s).
/// </summary>
public sealed class ResultsFolder
{
    private ResultsFolder(string directory, SimTime end, IReadOnlyList<PodRecord> pods, IReadOnlyList<NodeInterval> nodes,
        IReadOnlyList<JobRecord> jobs, IReadOnlyList<EventsLogEntry> events)
    {
        Directory = directory;
        End = end;
        Pods = pods;
        Nodes = nodes;
        Jobs = jobs;
        Events = events;
    }

    public string Directory { get; }

    /// <summary>The virtual time the run stopped at: the default --at, and the latest allowed.</summary>
    public SimTime End { get; }

    /// <summary>In creation order.</summary>
    public IReadOnlyList<PodRecord> Pods { get; }

    /// <summary>Ready/NotReady intervals, nodes in the order they were added.</summary>
    public IReadOnlyList<NodeInterval> Nodes { get; }
    public IReadOnlyList<JobRecord> Jobs { get; }

    /// <summary>In time order, as recorded.</summary>
    public IReadOnlyList<EventsLogEntry> Events { get; }

    /// <summary>
    /// Reads <paramref name="directory"/>; a folder that is not a complete ksim results folder, or a
    /// file not in ksim's format, is a <see cref="ResultsFormatException"/> saying which file and why.
    /// </summary>
    public static ResultsFolder Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new ResultsFormatException($"{directory}: no such results folder");
        if (!ResultsManifest.TryRead(directory, out _, out var error)) throw new ResultsFormatException(error);
        foreach (var file in new[] { PodsCsv.FileName, NodesCsv.FileName, JobsCsv.FileName, EventsLog.FileName })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path)) throw new ResultsFormatException($"{directory} is not a complete ksim results folder: {file} not found");
        }
        return new ResultsFolder(
            directory,
            ReadEnd(Path.Combine(directory, SummaryJson.FileName)),
            PodsCsv.Read(Path.Combine(directory, PodsCsv.FileName)),
            NodesCsv.Read(Path.Combine(directory, NodesCsv.FileName)),
            JobsCsv.Read(Path.Combine(directory, JobsCsv.FileName)),
            EventsLog.Read(Path.Combine(directory, EventsLog.FileName)));
    }

    private static SimTime ReadEnd(string path)
    {
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllBytes(path));
            var text = summary.RootElement.GetProperty("end_time_s").GetRawText();
            return Csv.TryParseSeconds(text, out var end) ? end : throw new ResultsFormatException($"{path}: end_time_s: expected seconds, got {text}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ResultsFormatException($"{path}: unreadable summary: {e.Message}");
        }
    }
}
