using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Execution;
using Simulator.Cli.Support;
using Simulator.Engine;
using Simulator.Reporting.Comparison;
using Simulator.Reporting.Results;
using Simulator.Scenarios;
using Simulator.Scenarios.Kinds;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim compare FILE --profiles a,b</c>: every profile with every seed, paired by seed, each
/// headline metric as a mean with its 95 % interval and the difference to a baseline.
/// </summary>
internal sealed class CompareCommand : Command
{
    /// <summary>Ten pairs give a t interval only 1.26 times as wide as a normal one (t(0.975, 9) = 2.262) at a few seconds per profile.</summary>
    public const int DefaultSeeds = 10;

    private const string Text = """
        Run a scenario under several scheduler profiles and seeds and compare them.
        Seeds are the scenario's seed, +1, ..., +N-1, the same for every profile, so every profile sees the
        same arrivals and failures and runs are compared seed by seed. Each headline metric that applies to
        the scenario is reported as mean +/- 95 % confidence interval (Student t), with the mean per-seed
        difference to the baseline and its interval (significant when it excludes 0). Writes
        comparison.md, comparison.csv and every run's results (<profile>/seed-<n>/) to
        results/<scenario>/compare-<UTC start>/ or --out DIR, and prints the tables.
        """;

    private readonly CliContext _context;
    private readonly Option<LogLevel?> _logLevel;
    private readonly IReadOnlyList<string> _arguments;
    private readonly Argument<string> _file = new("FILE") { Description = "The scenario: a YAML file or a folder of YAML files." };

    private readonly Option<IReadOnlyList<string>> _profiles = new("--profiles")
    {
        Description = $"The scheduler profiles to compare, comma-separated, each once: {string.Join(", ", SchedulerProfiles.Known)}.",
        HelpName = "A,B,...",
        Required = true,
        CustomParser = result => ParseProfiles(result.Tokens[0].Value, result.AddError),
    };

    private readonly Option<int> _seeds = new("--seeds")
    {
        Description = "How many seeds each profile runs with.",
        HelpName = "N",
        DefaultValueFactory = _ => DefaultSeeds,
        CustomParser = result => PositiveInteger("--seeds", result.Tokens[0].Value, result.AddError),
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "The profile the others are compared with (default: the first of --profiles).",
        HelpName = "NAME",
    };

    private readonly Option<int> _parallel = new("--parallel")
    {
        Description = "How many runs at once (default: the number of processors). Results do not depend on it.",
        HelpName = "K",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = result => PositiveInteger("--parallel", result.Tokens[0].Value, result.AddError),
    };

    private readonly Option<SimDuration?> _duration = CommandOptions.Duration();

    private readonly Option<string?> _out = new("--out")
    {
        Description = "Write the comparison to exactly this folder, which must not exist or be empty (default: results/<scenario>/compare-<UTC start>/).",
        HelpName = "DIR",
    };

    public CompareCommand(CliContext context, Option<LogLevel?> logLevel, IReadOnlyList<string> arguments)
        : base("compare", Text)
    {
        _context = context;
        _logLevel = logLevel;
        _arguments = arguments;
        Add(_file);
        Add(_profiles);
        Add(_seeds);
        Add(_baseline);
        Add(_parallel);
        Add(_duration);
        Add(_out);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(parseResult, cancellationToken)));
    }

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(_file)!;
        var profiles = parseResult.GetValue(_profiles)!;
        var baseline = parseResult.GetValue(_baseline) ?? profiles[0];
        if (!profiles.Contains(baseline, StringComparer.Ordinal))
        {
            _context.Error.WriteLine($"ksim: --baseline: \"{baseline}\" is not one of --profiles ({string.Join(", ", profiles)}){Closest(baseline, profiles)}");
            return ExitCodes.BadInput;
        }
        var outOption = parseResult.GetValue(_out);
        if (outOption is not null && !ResultsLocation.IsFree(_context.FullPath(outOption)))
        {
            _context.Error.WriteLine($"ksim: {outOption} already exists and is not empty; choose another --out folder or remove it");
            return ExitCodes.BadInput;
        }

        var logLevel = parseResult.GetValue(_logLevel) ?? CommandOptions.DefaultLogLevel;
        using var loggers = KsimLogging.CreateFactory(logLevel);
        // Loaded once here so that a broken scenario is reported once, before anything runs.
        var execution = new ScenarioExecution(_context, loggers, logLevel);
        var scenario = execution.Load(file, "nothing was run");
        if (scenario is null) return ExitCodes.BadInput;
        foreach (var profile in profiles)
            if (execution.ProfileConflicts(scenario, "--profiles", profile)) return ExitCodes.BadInput;

        var seeds = Seeds(scenario.Seed, parseResult.GetValue(_seeds));
        var started = _context.Clock.GetUtcNow();
        var directory = outOption is not null
            ? _context.FullPath(outOption)
            : ResultsLocation.DefaultCompareDirectory(
                Path.Combine(_context.WorkingDirectory, ResultsLocation.DefaultRoot), scenario.Name, started.UtcDateTime);
        var common = new RunOptions { Duration = parseResult.GetValue(_duration) };
        var runs = new ComparisonRuns(_context, loggers, logLevel);
        var metrics = HeadlineMetrics.All;

        // Everything goes to a sibling folder renamed at the end: an interrupted or failed
        // comparison leaves nothing behind, as a failed run does.
        var temp = $"{Path.TrimEndingDirectorySeparator(directory)}.tmp-{Environment.ProcessId}";
        try
        {
            Directory.CreateDirectory(temp);
            var values = runs.RunAll(file, profiles, seeds, common, metrics, parseResult.GetValue(_parallel), temp, _arguments, cancellationToken);
            var comparison = PairedComparison.Compare(scenario.Name, seeds, profiles, baseline, metrics, values);
            ComparisonFiles.Write(temp, comparison);
            if (Directory.Exists(directory)) Directory.Delete(directory);
            Directory.Move(temp, directory);
            ComparisonMarkdown.Write(_context.Out, comparison);
            _context.Out.WriteLine();
            var wall = _context.Clock.GetUtcNow() - started;
            _context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{profiles.Count * seeds.Count} runs in {wall.TotalSeconds:F1} s; results: {_context.Display(directory)}"));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            Remove(temp);
            _context.Error.WriteLine("ksim: interrupted; a comparison needs every run, so nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            Remove(temp);
            var cause = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : e;
            return InternalError.Report(_context, cause, withStackTrace: logLevel <= LogLevel.Debug);
        }
    }

    /// <summary>Parallel.For reports a cancelled body as itself or wrapped with the others.</summary>
    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException all && all.InnerExceptions.All(i => i is OperationCanceledException));

    /// <summary>The scenario's seed and the N - 1 after it (wrapping past the largest seed), the same for every profile.</summary>
    internal static IReadOnlyList<ulong> Seeds(ulong first, int count)
    {
        var seeds = new ulong[count];
        for (int i = 0; i < count; i++) seeds[i] = unchecked(first + (ulong)i);
        return seeds;
    }

    internal static IReadOnlyList<string> ParseProfiles(string text, Action<string> addError)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Length == 0)
                addError($"--profiles: expected profile names separated by commas, got \"{text}\"");
            else if (!SchedulerProfiles.IsKnown(name))
                addError("--profiles: " + SchedulerProfiles.UnknownMessage(name) + SchedulerProfiles.Hint(name));
            // Two runs of one profile would be the same runs, and would need the same folder.
            else if (!seen.Add(name))
                addError($"--profiles: \"{name}\" is listed twice; each profile is run once per seed");
            else continue;
            return [];
        }
        return names;
    }

    private static int PositiveInteger(string option, string text, Action<string> addError)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        addError($"{option}: expected a whole number of at least 1, got \"{text}\"");
        return 0;
    }

    private static string Closest(string typed, IReadOnlyList<string> profiles)
    {
        foreach (var p in profiles)
        {
            if (string.Equals(p, typed, StringComparison.OrdinalIgnoreCase)) return $"; did you mean \"{p}\"?";
        }
        return "";
    }

    /// <summary>Best effort: the error that got us here matters more than one from cleaning up.</summary>
    private static void Remove(string temp)
    {
        try
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
