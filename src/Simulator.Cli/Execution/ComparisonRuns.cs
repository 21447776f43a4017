using Microsoft.Extensions.Logging;
using Simulator.Reporting.Comparison;
using Simulator.Reporting.Results;
using Simulator.Scenarios;

namespace Simulator.Cli.Execution;

/// <summary>
/// Runs every profile with every seed, in parallel across runs (one run is single-threaded and
/// shares nothing mutable with another), writes each run's results folder to
/// <c>&lt;directory&gt;/&lt;profile&gt;/seed-&lt;n&gt;/</c> and keeps only its headline metric values.
/// Each run loads the scenario afresh: a run mutates the objects it was given (pods and nodes go
/// into its store as they are), so one loaded scenario cannot be shared. Values land in a slot
/// fixed by (profile, seed), never by completion order, so the comparison does not depend on
/// --parallel or on timing.
/// </summary>
internal sealed class ComparisonRuns(CliContext context, ILoggerFactory loggers, LogLevel logLevel)
{
    /// <returns><c>values[profile][seed][metric]</c>, null where the metric did not apply.</returns>
    /// <exception cref="OperationCanceledException">Interrupted: not every run finished.</exception>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<double?>>> RunAll(
        string scenarioPath, IReadOnlyList<string> profiles, IReadOnlyList<ulong> seeds, RunOptions common,
        IReadOnlyList<HeadlineMetric> metrics, int parallel, string directory, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var values = new double?[profiles.Count][][];
        for (int p = 0; p < profiles.Count; p++) values[p] = new double?[seeds.Count][];
        var progress = new CompareProgress(context, profiles.Count * seeds.Count);
        var execution = new ScenarioExecution(context, loggers, logLevel);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        Parallel.For(0, profiles.Count * seeds.Count, options, i =>
        {
            int p = i / seeds.Count, s = i % seeds.Count;
            var runOptions = common with { Profile = profiles[p], Seed = seeds[s] };
            var started = context.Clock.GetUtcNow();
            var loaded = context.LoadScenario(context.LoaderPath(scenarioPath));
            // Loaded once already before any run: failing now means the file changed underneath.
            var scenario = loaded.Scenario ?? throw new InvalidOperationException($"{scenarioPath} could not be loaded again: {string.Join("; ", loaded.Errors)}");
            var result = context.RunScenario(scenario, runOptions, null, cancellationToken, loggers);
            cancellationToken.ThrowIfCancellationRequested();
            var record = execution.Record(scenario, scenarioPath, runOptions, arguments, result, started);
            ResultsWriter.Write(RunDirectory(directory, profiles[p], seeds[s]), record, charts: false);
            var row = new double?[metrics.Count];
            for (int m = 0; m < metrics.Count; m++) row[m] = metrics[m].Extract(result);
            values[p][s] = row;
            progress.RunDone();
        });
        return values;
    }

    public static string RunDirectory(string directory, string profile, ulong seed) =>
        Path.Combine(directory, profile, "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
