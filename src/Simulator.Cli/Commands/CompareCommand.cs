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
/// <c>ksim compare FILE --profiles a,b</c> or <c>--expander CHAIN --expander CHAIN</c>: every variant
/// (<see cref="ComparisonVariant"/>) with every seed, paired by seed, each headline metric as a mean
/// with its 95 % interval and the difference to a baseline.
/// </summary>
internal sealed class CompareCommand : Command
{
    /// <summary>Ten pairs give a t interval only 1.26 times as wide as a normal one (t(0.975, 9) = 2.262) at a few seconds per profile.</summary>
    public const int DefaultSeeds = 10;

    private const string Text = """
        Run a scenario under several scheduler profiles and seeds and compare them.
        Instead of --profiles, --expander (repeated) compares Cluster Autoscaler expander chains.
        Seeds are the scenario's seed, +1, ..., +N-1, the same for every profile, so every profile sees the
        same arrivals and failures and runs are compared seed by seed. Each headline metric that applies to
        the scenario is reported as mean +/- 95 % confidence interval (Student t), with the mean per-seed
        difference to the baseline and its interval (significant when it excludes 0). Writes
        comparison.md, comparison.html, comparison.csv and every run's results (<profile or chain>/seed-<n>/) to
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
        CustomParser = result => ParseProfiles(result.Tokens[0].Value, result.AddError),
    };

    // Repeated rather than comma-separated: a chain is itself a comma-separated list.
    private readonly Option<IReadOnlyList<string>> _expanders = new("--expander")
    {
        Description = $"Instead of --profiles: a Cluster Autoscaler expander chain to compare, as CA's --expander; repeat the option for each chain ({string.Join(", ", Expanders.Known)}).",
        HelpName = "CHAIN",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => ParseExpanders([.. result.Tokens.Select(t => t.Value)], result.AddError),
    };

    private readonly Option<int> _seeds = new("--seeds")
    {
        Description = "How many seeds each profile or chain runs with.",
        HelpName = "N",
        DefaultValueFactory = _ => DefaultSeeds,
        CustomParser = result => PositiveInteger("--seeds", result.Tokens[0].Value, result.AddError),
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "The profile or expander chain the others are compared with (default: the first given).",
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
        Add(_expanders);
        Add(_seeds);
        Add(_baseline);
        Add(_parallel);
        Add(_duration);
        Add(_out);
        Validators.Add(OneAxis);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Execute(parseResult, cancellationToken)));
    }

    /// <summary>A comparison varies one thing, so exactly one of --profiles and --expander is given.</summary>
    private void OneAxis(System.CommandLine.Parsing.CommandResult result)
    {
        bool profiles = result.GetResult(_profiles) is not null, expanders = result.GetResult(_expanders) is not null;
        if (profiles && expanders)
            result.AddError("--profiles and --expander cannot be combined: a comparison varies one thing; give one of them");
        else if (!profiles && !expanders)
            result.AddError("nothing to compare: give --profiles A,B,... (scheduler profiles) or --expander CHAIN, repeated (Cluster Autoscaler expander chains)");
    }

    /// <summary>The variants to run, what they differ by, and the option that listed them.</summary>
    private (IReadOnlyList<ComparisonVariant> Variants, string Axis, string Option) Variants(ParseResult parseResult, RunOptions common) =>
        parseResult.GetResult(_expanders) is not null
            ? ([.. parseResult.GetValue(_expanders)!.Select(chain => ComparisonVariant.Expander(chain, common))], "expander", "--expander")
            : ([.. parseResult.GetValue(_profiles)!.Select(profile => ComparisonVariant.Profile(profile, common))], "profile", "--profiles");

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(_file)!;
        var common = new RunOptions { Duration = parseResult.GetValue(_duration) };
        var (variants, axis, option) = Variants(parseResult, common);
        IReadOnlyList<string> names = [.. variants.Select(v => v.Name)];
        var baseline = parseResult.GetValue(_baseline) ?? names[0];
        if (!names.Contains(baseline, StringComparer.Ordinal))
        {
            _context.Error.WriteLine($"ksim: --baseline: \"{baseline}\" is not one of {option} ({ComparisonResult.JoinNames(names)}){Closest(baseline, names)}");
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
        foreach (var variant in variants)
            if (execution.ProfileConflicts(scenario, "--profiles", variant.Options.Profile)) return ExitCodes.BadInput;

        var seeds = Seeds(scenario.Seed, parseResult.GetValue(_seeds));
        var started = _context.Clock.GetUtcNow();
        var directory = outOption is not null
            ? _context.FullPath(outOption)
            : ResultsLocation.DefaultCompareDirectory(
                Path.Combine(_context.WorkingDirectory, ResultsLocation.DefaultRoot), scenario.Name, started.UtcDateTime);
        var runs = new ComparisonRuns(_context, loggers, logLevel);
        var metrics = HeadlineMetrics.All;

        // Everything goes to a sibling folder renamed at the end: an interrupted or failed
        // comparison leaves nothing behind, as a failed run does.
        var temp = $"{Path.TrimEndingDirectorySeparator(directory)}.tmp-{Environment.ProcessId}";
        try
        {
            Directory.CreateDirectory(temp);
            var samples = runs.RunAll(file, variants, seeds, metrics, parseResult.GetValue(_parallel), temp, _arguments, cancellationToken);
            var comparison = PairedComparison.Compare(scenario.Name, seeds, names, baseline, metrics, samples.Values)
                with { Axis = axis, JobCompletionTimes = samples.PooledCompletionTimes(names) };
            ComparisonFiles.Write(temp, comparison);
            if (Directory.Exists(directory)) Directory.Delete(directory);
            Directory.Move(temp, directory);
            ComparisonMarkdown.Write(_context.Out, comparison);
            _context.Out.WriteLine();
            var wall = _context.Clock.GetUtcNow() - started;
            _context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variants.Count * seeds.Count} runs in {wall.TotalSeconds:F1} s; results: {_context.Display(directory)}"));
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

    /// <summary>
    /// Each chain checked as <c>ksim run --expander</c> checks it, and written with its names
    /// trimmed, so that "price, priority" and "price,priority" are one variant with one folder.
    /// </summary>
    internal static IReadOnlyList<string> ParseExpanders(IReadOnlyList<string> chains, Action<string> addError)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var text in chains)
        {
            if (CommandOptions.ExpanderChain(text, addError) is null) return [];
            var chain = string.Join(',', text.Split(',', StringSplitOptions.TrimEntries));
            if (!seen.Add(chain))
            {
                addError($"--expander: \"{chain}\" is given twice; each chain is run once per seed");
                return [];
            }
            result.Add(chain);
        }
        return result;
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
