using System.Globalization;
using System.Text;

namespace Simulator.Reporting.Results;

/// <summary>Where a run's results go when no <c>--out</c> is given: <c>results/&lt;scenario&gt;/&lt;run-id&gt;/</c>.</summary>
public static class ResultsLocation
{
    public const string DefaultRoot = "results";

    /// <summary>UTC start time and seed: sortable by time, and the seed is visible in a listing.</summary>
    public static string RunId(DateTime utc, ulong seed) =>
        utc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-seed" + seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A folder that does not exist yet under <paramref name="resultsRoot"/>; "-2", "-3"... is
    /// appended when two runs of the same scenario and seed start in the same second.
    /// </summary>
    public static string DefaultDirectory(string resultsRoot, string scenarioName, DateTime utcNow, ulong seed) =>
        Unused(Path.Combine(resultsRoot, SafeName(scenarioName), RunId(utcNow, seed)));

    /// <summary>
    /// Where <c>ksim compare</c> writes without <c>--out</c>: <c>results/&lt;scenario&gt;/compare-&lt;UTC start&gt;/</c>,
    /// next to the scenario's runs, with the same "-2", "-3"... rule.
    /// </summary>
    public static string DefaultCompareDirectory(string resultsRoot, string scenarioName, DateTime utcNow) =>
        Unused(Path.Combine(resultsRoot, SafeName(scenarioName), "compare-" + utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));

    private static string Unused(string basePath)
    {
        var path = basePath;
        for (int n = 2; Directory.Exists(path) || File.Exists(path); n++)
        {
            path = basePath + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return path;
    }

    /// <summary>True when a run may write <paramref name="directory"/>: it is absent or an empty folder.</summary>
    public static bool IsFree(string directory) =>
        !File.Exists(directory) && (!Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any());

    /// <summary>
    /// Scenario names are Kubernetes-style already; anything else that could escape the folder or
    /// trouble a shell is replaced so a name can never become a path.
    /// </summary>
    public static string SafeName(string scenarioName)
    {
        var sb = new StringBuilder(scenarioName.Length);
        foreach (var c in scenarioName)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        var name = sb.ToString().Trim('.');
        return name.Length == 0 ? "scenario" : name;
    }
}
