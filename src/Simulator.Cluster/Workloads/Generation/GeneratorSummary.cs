namespace Simulator.Cluster.Workloads.Generation;

/// <summary>What one WorkloadGenerator did: the Jobs it created and, with a measure window, their completion times.</summary>
public sealed record GeneratorSummary(string Name, string Namespace, long JobsCreated, MeasureSummary? Measure);

/// <summary>
/// Gavel's steady-state metric: over the Jobs with index in [<see cref="FromJob"/>, <see cref="ToJob"/>)
/// that completed, the mean of creation to the Complete condition. Null mean: none completed.
/// </summary>
public sealed record MeasureSummary(long FromJob, long ToJob, int Completed, double? MeanJctSeconds);
