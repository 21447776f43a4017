namespace Simulator.Reporting.Comparison;

/// <summary>
/// One profile in one metric: its value over the seeds where the metric applied, and its paired
/// difference to the baseline (this profile minus the baseline, seed by seed, over the seeds where
/// both applied). <see cref="Difference"/> is null for the baseline itself and when no seed pairs up.
/// </summary>
public sealed record ProfileResult(string Profile, MeanInterval Value, MeanInterval? Difference)
{
    /// <summary>The difference's interval excludes zero.</summary>
    public bool Significant => Difference is { ExcludesZero: true };
}
