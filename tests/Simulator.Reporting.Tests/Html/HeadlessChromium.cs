using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Simulator.Reporting.Tests.Html;

/// <summary>
/// Debian's chromium, headless: loads a page, lets its scripts run for two seconds of virtual time
/// and returns the DOM as the scripts left it, with every console message the page logged (chromium
/// writes them to stderr as "INFO:CONSOLE..." lines with --enable-logging=stderr). A missing
/// chromium fails the test: the report's browser checks are part of the suite, not optional.
/// </summary>
internal static partial class HeadlessChromium
{
    private const string Executable = "chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public sealed record Page(string Dom, IReadOnlyList<string> Console);

    public static Page Open(string file, string fragment = "")
    {
        var chromium = Find() ?? throw new Xunit.Sdk.XunitException(
            $"{Executable} was not found on PATH; the HTML report tests need it: run `bash .ci/run` (it installs Debian's chromium when missing) or `apt-get install -y chromium`.");
        var profile = Path.Combine(Path.GetTempPath(), "ksim-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile,
            "--dump-dom", new Uri(Path.GetFullPath(file)).AbsoluteUri + fragment,
        })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException($"{Executable} did not finish within {Timeout.TotalSeconds} s");
            }
            process.WaitForExit();
            var console = stderr.Result.Split('\n').Where(line => ConsoleLine().IsMatch(line)).ToList();
            if (process.ExitCode != 0) throw new Xunit.Sdk.XunitException($"{Executable} exited with {process.ExitCode}:\n{stderr.Result}");
            return new Page(stdout.Result, console);
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, Executable))
            .FirstOrDefault(File.Exists);

    /// <summary>Chromium's log of a console message: "[pid:tid:time:INFO:CONSOLE(12)] ..." or "...:INFO:CONSOLE:12] ...".</summary>
    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleLine();

    /// <summary>The rows of the table with this id, each as (hidden, the row's inner HTML).</summary>
    public static IReadOnlyList<(bool Hidden, string Html)> Rows(string dom, string tableId)
    {
        int start = dom.IndexOf($"<table id=\"{tableId}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId} in the page");
        int body = dom.IndexOf("<tbody>", start, StringComparison.Ordinal);
        int end = dom.IndexOf("</tbody>", body, StringComparison.Ordinal);
        return [.. RowPattern().Matches(dom[body..end]).Select(m => (m.Groups[1].Success, m.Groups[2].Value))];
    }

    [GeneratedRegex(@"<tr( hidden="""")?>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
