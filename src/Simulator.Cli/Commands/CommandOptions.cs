using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Simulator.Engine;
using Simulator.Scenarios.Kinds;

namespace Simulator.Cli.Commands;

/// <summary>
/// Options shared by several commands. Values are checked while parsing, so a bad value is a
/// parse error (exit 2) with a message that says what was expected, before anything runs.
/// </summary>
internal static class CommandOptions
{
    private static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = Microsoft.Extensions.Logging.LogLevel.Trace,
        ["debug"] = Microsoft.Extensions.Logging.LogLevel.Debug,
        ["information"] = Microsoft.Extensions.Logging.LogLevel.Information,
        ["info"] = Microsoft.Extensions.Logging.LogLevel.Information,
        ["warning"] = Microsoft.Extensions.Logging.LogLevel.Warning,
        ["error"] = Microsoft.Extensions.Logging.LogLevel.Error,
        ["none"] = Microsoft.Extensions.Logging.LogLevel.None,
    };

    /// <summary>When <c>--log-level</c> is not given: only what needs attention.</summary>
    public const LogLevel DefaultLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>Null when not given (read it with <c>?? DefaultLogLevel</c>), so help shows the lower-case default from the description.</summary>
    public static Option<LogLevel?> LogLevel() => new("--log-level")
    {
        Description = "How much ksim logs to stderr: trace, debug, information (scheduler and controller decisions as they happen), warning (default), error or none.",
        HelpName = "trace|debug|information|warning|error|none",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (LogLevels.TryGetValue(text, out var level)) return level;
            result.AddError($"--log-level: expected trace, debug, information, warning, error or none, got \"{text}\"");
            return null;
        },
    };

    public static Option<ulong?> Seed() => new("--seed")
    {
        Description = "Seed of every random stream, instead of the scenario's. The same seed gives the same results.",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return seed;
            result.AddError($"--seed: expected a whole number from 0 to {ulong.MaxValue}, got \"{text}\"");
            return null;
        },
    };

    public static Option<string?> Profile() => new("--profile")
    {
        Description = $"Scheduler profile, instead of the scenario's: {string.Join(", ", SchedulerProfiles.Known)}.",
        HelpName = "NAME",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (SchedulerProfiles.IsKnown(text)) return text;
            result.AddError("--profile: " + SchedulerProfiles.UnknownMessage(text));
            return null;
        },
    };

    public static Option<SimDuration?> Duration() =>
        VirtualTime("--duration", "D", "Stop the run at this virtual time, instead of the scenario's duration (Go syntax: 90s, 5m, 1h30m, 2d).");

    /// <summary>An option holding a virtual time or duration in Go syntax; a bad value is a parse error naming the option.</summary>
    public static Option<SimDuration?> VirtualTime(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            if (SimDuration.TryParse(result.Tokens[0].Value, out var value, out var error)) return value;
            result.AddError(name + ": " + error);
            return null;
        },
    };

    public static Option<string?> Expander() => new("--expander")
    {
        Description = $"Cluster Autoscaler expander chain, instead of the scenario's (comma-separated, each once, as CA's --expander): {string.Join(", ", Expanders.Known)}.",
        HelpName = "CHAIN",
        CustomParser = result => ExpanderChain(result.Tokens[0].Value, result.AddError),
    };

    /// <summary>The chain as given, or null after reporting why it is not a valid one.</summary>
    public static string? ExpanderChain(string text, Action<string> addError)
    {
        if (Expanders.Check(text) is not { } error) return text;
        addError("--expander: " + error);
        return null;
    }

    public static Option<string?> Out() => new("--out")
    {
        Description = "Write the results to exactly this folder, which must not exist or be empty (default: results/<scenario>/<run-id>/).",
        HelpName = "DIR",
    };
}
