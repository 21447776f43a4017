using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// One finished (or interrupted) run with everything the results folder records about it.
/// Reporting does not see the scenario model, so the caller passes the scenario's identity here.
/// </summary>
public sealed record RunRecord
{
    public required string ScenarioName { get; init; }

    /// <summary>The scenario's spec.description, shown in report.html.</summary>
    public string Description { get; init; } = "";

    /// <summary>The seed the run actually used (the <c>--seed</c> override or the scenario's).</summary>
    public required ulong Seed { get; init; }

    /// <summary>The scheduler profile the run actually used.</summary>
    public required string Profile { get; init; }

    public required RunResult Result { get; init; }
    public required ScenarioSource Scenario { get; init; }
    public required RunProvenance Provenance { get; init; }
}

/// <summary>
/// The scenario as it was read: the path given to the loader (a file or a folder) and every
/// file the loader read. All of them are copied into <c>scenario/</c>.
/// </summary>
public sealed record ScenarioSource(string EntryPath, IReadOnlyList<string> Files);

/// <summary>How and with what the run was made: the non-deterministic half, kept in manifest.json only.</summary>
public sealed record RunProvenance
{
    /// <summary>The command line after <c>ksim</c>, exactly as given.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    public ulong? SeedOverride { get; init; }
    public string? ProfileOverride { get; init; }

    /// <summary>The <c>--duration</c> value in Go syntax, or null when the scenario's applied.</summary>
    public string? DurationOverride { get; init; }

    /// <summary>The <c>--expander</c> chain, or null when the scenario's applied.</summary>
    public string? ExpanderOverride { get; init; }

    public required string KsimVersion { get; init; }
    public required string GitCommit { get; init; }

    /// <summary>Whether tracked files differed from the commit; null when git could not tell.</summary>
    public bool? GitDirty { get; init; }

    public required string DotnetVersion { get; init; }
    public required string OperatingSystem { get; init; }

    /// <summary>Package name to informational version.</summary>
    public required IReadOnlyDictionary<string, string> Packages { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
}
