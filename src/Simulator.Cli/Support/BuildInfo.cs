using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Simulator.Cli.Support;

/// <summary>What manifest.json records about the binary: versions of ksim, .NET and the packages that shape results.</summary>
internal static class BuildInfo
{
    private const string Unknown = "unknown";

    /// <summary>Packages whose behaviour can change a result (parsing, random numbers, charts) or the CLI.</summary>
    private static readonly string[] PackageAssemblies =
        ["YamlDotNet", "KubernetesClient", "MathNet.Numerics", "ScottPlot", "System.CommandLine", "Spectre.Console", "Microsoft.Extensions.Logging"];

    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    public static string KsimVersion { get; } = InformationalVersion(typeof(BuildInfo).Assembly) ?? Unknown;

    public static string DotnetVersion => RuntimeInformation.FrameworkDescription;

    public static string OperatingSystem => RuntimeInformation.OSDescription;

    public static IReadOnlyDictionary<string, string> PackageVersions()
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in PackageAssemblies)
        {
            try
            {
                versions[name] = InformationalVersion(Assembly.Load(new AssemblyName(name))) ?? Unknown;
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                versions[name] = "not available";
            }
        }
        return versions;
    }

    /// <summary>
    /// The commit of the checkout the binary runs from, asked of git at run time, and whether
    /// tracked files were modified. Falls back to the commit the SDK stamped into the informational
    /// version ("1.0.0+sha") when git is missing or the binary is not in a checkout.
    /// </summary>
    public static (string Commit, bool? Dirty) GitState(string? repositoryRoot)
    {
        if (repositoryRoot is not null && RunGit(repositoryRoot, ["rev-parse", "HEAD"]) is { Length: > 0 } commit)
        {
            var status = RunGit(repositoryRoot, ["status", "--porcelain", "--untracked-files=no"]);
            return (commit, status is null ? null : status.Length > 0);
        }
        int plus = KsimVersion.IndexOf('+', StringComparison.Ordinal);
        return (plus >= 0 ? KsimVersion[(plus + 1)..] : Unknown, null);
    }

    private static string? InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Trimmed standard output, or null when git is absent, fails or hangs.</summary>
    private static string? RunGit(string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null) return null;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }
            return git.ExitCode == 0 ? output.GetAwaiter().GetResult().Trim() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
