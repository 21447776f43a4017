using Microsoft.Extensions.Logging;
using Simulator.Reporting.Comparison;
using Simulator.Reporting.Results;
using Simulator.Scenarios;

namespace Simulator.Cli.Execution;

/// <summary>
/// Runs every variant (<see cref="ComparisonVariant"/>) with every seed, in parallel across runs (one run is single-threaded and
/// shares nothing mutable with another), writes each run's results folder to
/// <c>&lt;directory&gt;/&lt;variant&gt;/seed-&lt;n&gt;/</c> and keeps only its headline metric values
/// and its completed Jobs' completion times (for the comparison's overlaid CDFs).
/// Each run loads the scenario afresh: a run mutates the objects it was given (pods and nodes go
/// into its store as they are), so one loaded scenario cannot be shared. Values land in a slot
/// fixed by (variant, seed), never by completion order, so the comparison does not depend on
/// --parallel or on timing.
/// </summary>
internal sealed class ComparisonRuns(CliContext context, ILoggerFactory loggers, LogLevel logLevel)
{
    /// <returns><c>Values[variant][seed][metric]</c>, null where the metric did not apply, and <c>CompletionSeconds[variant][seed]</c>.</returns>
    /// <exception cref="OperationCanceledException">Interrupted: not every run finished.</exception>
    public ComparisonSamples RunAll(
        string scenarioPath, IReadOnlyList<ComparisonVariant> variants, IReadOnlyList<ulong> seeds,
        IReadOnlyList<HeadlineMetric> metrics, int parallel, string directory, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var values = new double?[variants.Count][][];
        var completions = new double[variants.Count][][];
        for (int v = 0; v < variants.Count; v++) values[v] = new double?[seeds.Count][];
        for (int v = 0; v < variants.Count; v++) completions[v] = new double[seeds.Count][];
        var progress = new CompareProgress(context, variants.Count * seeds.Count);
        var execution = new ScenarioExecution(context, loggers, logLevel);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        Parallel.For(0, variants.Count * seeds.Count, options, i =>
        {
            int v = i / seeds.Count, s = i % seeds.Count;
            var runOptions = variants[v].Options with { Seed = seeds[s] };
            var started = context.Clock.GetUtcNow();
            var loaded = context.LoadScenario(context.LoaderPath(scenarioPath));
            // Loaded once already before any run: failing now means the file changed underneath.
            var scenario = loaded.Scenario ?? throw new InvalidOperationException($"{scenarioPath} could not be loaded again: {string.Join("; ", loaded.Errors)}");
            var result = context.RunScenario(scenario, runOptions, null, cancellationToken, loggers);
            cancellationToken.ThrowIfCancellationRequested();
            var record = execution.Record(scenario, scenarioPath, runOptions, arguments, result, started);
            ResultsWriter.Write(RunDirectory(directory, variants[v].Name, seeds[s]), record, charts: false);
            var row = new double?[metrics.Count];
            for (int m = 0; m < metrics.Count; m++) row[m] = metrics[m].Extract(result);
            values[v][s] = row;
            completions[v][s] = VariantCompletionTimes.Of(result);
            progress.RunDone();
        });
        return new ComparisonSamples(values, completions);
    }

    public static string RunDirectory(string directory, string variant, ulong seed) =>
        Path.Combine(directory, variant, "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
