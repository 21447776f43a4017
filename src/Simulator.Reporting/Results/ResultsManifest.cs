using System.Text.Json;

namespace Simulator.Reporting.Results;

/// <summary>The part of a results folder's manifest.json that <c>ksim rerun</c> needs to repeat the run.</summary>
public sealed record ResultsManifest(
    string ScenarioName,
    string EntryPath,
    ulong Seed,
    string Profile,
    string? DurationOverride,
    IReadOnlyList<string> Arguments,
    bool Partial,
    string? ExpanderOverride = null)
{
    /// <summary>
    /// Reads <paramref name="resultsDirectory"/>/manifest.json. Fails with a reason when the folder
    /// is not a ksim results folder (no manifest or summary, another format, no scenario copy).
    /// <see cref="Partial"/> comes from summary.json: an interrupted run cannot be repeated.
    /// </summary>
    public static bool TryRead(string resultsDirectory, out ResultsManifest? manifest, out string error)
    {
        manifest = null;
        var path = Path.Combine(resultsDirectory, ManifestJson.FileName);
        if (!File.Exists(path))
        {
            error = $"{resultsDirectory} is not a ksim results folder: {ManifestJson.FileName} not found";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != ManifestJson.Format)
            {
                error = $"{path}: not a ksim results manifest (expected \"format\": \"{ManifestJson.Format}\")";
                return false;
            }
            var scenario = root.GetProperty("scenario");
            var options = root.GetProperty("options");
            var entry = Path.Combine(resultsDirectory, scenario.GetProperty("entry").GetString()!);
            if (!File.Exists(entry) && !Directory.Exists(entry))
            {
                error = $"{resultsDirectory} has no scenario copy: {entry} not found";
                return false;
            }
            var summaryPath = Path.Combine(resultsDirectory, SummaryJson.FileName);
            if (!File.Exists(summaryPath))
            {
                error = $"{resultsDirectory} is not a complete ksim results folder: {SummaryJson.FileName} not found";
                return false;
            }
            using var summary = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
            manifest = new ResultsManifest(
                scenario.GetProperty("name").GetString()!,
                entry,
                root.GetProperty("seed").GetUInt64(),
                root.GetProperty("profile").GetString()!,
                options.GetProperty("duration").GetString(),
                [.. options.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()!)],
                summary.RootElement.GetProperty("partial").GetBoolean(),
                // Absent from manifests written before --expander existed: those runs used the scenario's.
                options.TryGetProperty("expander", out var expander) ? expander.GetString() : null);
            error = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = $"{path}: unreadable ksim results manifest: {e.Message}";
            return false;
        }
    }
}
