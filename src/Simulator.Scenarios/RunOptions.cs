using Simulator.Engine;

namespace Simulator.Scenarios;

/// <summary>Command-line overrides of what the scenario file says.</summary>
public sealed record RunOptions
{
    public ulong? Seed { get; init; }
    public string? Profile { get; init; }
    public SimDuration? Duration { get; init; }

    /// <summary>The Cluster Autoscaler's expander chain instead of the scenario's (already checked with <see cref="Kinds.Expanders.Check"/>).</summary>
    public string? Expander { get; init; }

    /// <summary>Record every scheduling attempt's decision (decisions.jsonl).</summary>
    public bool RecordDecisions { get; init; }

    /// <summary>Narrate the run: every decision as one line on the <c>ksim.narration</c> logger (Narration.Narrator).</summary>
    public bool Narrate { get; init; }

    /// <summary>Record only this pod's attempts ("name" or "namespace/name"), as ksim explain does.</summary>
    public string? RecordDecisionsOf { get; init; }
}

/// <summary>Where a run is, for progress display.</summary>
public readonly record struct RunProgress(SimTime Now, SimTime? End, long EventsProcessed, int PendingPods, int RunningPods);
