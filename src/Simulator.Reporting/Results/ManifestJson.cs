using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Simulator.Reporting.Results;

/// <summary>
/// manifest.json: what is needed to repeat the run and the provenance of the binary that made it.
/// The only results file with wall-clock values, so it is the one file <c>ksim rerun</c> does not compare.
/// Shape (snake_case, fixed order):
/// <code>
/// { "format": "ksim-results/1",
///   "scenario": { "name", "source", "entry", "files": [ { "path", "bytes", "sha256" } ] },
///   "seed", "profile",
///   "options": { "arguments": [...], "seed", "profile", "duration", "expander" },
///   "ksim": { "version", "commit", "dirty" },
///   "runtime": { "dotnet", "os", "architecture" },
///   "packages": { "&lt;name&gt;": "&lt;version&gt;", ... },
///   "started_utc", "finished_utc" }
/// </code>
/// </summary>
internal static class ManifestJson
{
    public const string FileName = "manifest.json";
    public const string Format = "ksim-results/1";

    public static void Write(string path, RunRecord run, CopiedScenario scenario)
    {
        var p = run.Provenance;
        TextFiles.WriteJson(path, w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);

            w.WriteStartObject("scenario");
            w.WriteString("name", run.ScenarioName);
            w.WriteString("source", run.Scenario.EntryPath);
            w.WriteString("entry", scenario.Entry == "." ? ScenarioCopy.DirectoryName : ScenarioCopy.DirectoryName + "/" + scenario.Entry);
            w.WriteStartArray("files");
            foreach (var file in scenario.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", ScenarioCopy.DirectoryName + "/" + file.Path);
                w.WriteNumber("bytes", file.Bytes);
                w.WriteString("sha256", file.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteNumber("seed", run.Seed);
            w.WriteString("profile", run.Profile);

            w.WriteStartObject("options");
            w.WriteStartArray("arguments");
            foreach (var argument in p.Arguments) w.WriteStringValue(argument);
            w.WriteEndArray();
            if (p.SeedOverride is { } seed) w.WriteNumber("seed", seed); else w.WriteNull("seed");
            w.WriteString("profile", p.ProfileOverride);
            w.WriteString("duration", p.DurationOverride);
            w.WriteString("expander", p.ExpanderOverride);
            w.WriteEndObject();

            w.WriteStartObject("ksim");
            w.WriteString("version", p.KsimVersion);
            w.WriteString("commit", p.GitCommit);
            if (p.GitDirty is { } dirty) w.WriteBoolean("dirty", dirty); else w.WriteNull("dirty");
            w.WriteEndObject();

            w.WriteStartObject("runtime");
            w.WriteString("dotnet", p.DotnetVersion);
            w.WriteString("os", p.OperatingSystem);
            w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
            w.WriteEndObject();

            w.WriteStartObject("packages");
            foreach (var (name, version) in p.Packages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(name, version);
            }
            w.WriteEndObject();

            w.WriteString("started_utc", Utc(p.StartedUtc));
            w.WriteString("finished_utc", Utc(p.FinishedUtc));
            w.WriteEndObject();
        });
    }

    private static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
