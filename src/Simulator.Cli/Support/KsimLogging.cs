using Microsoft.Extensions.Logging;

namespace Simulator.Cli.Support;

/// <summary>
/// The one place a logger factory is made for a command, so every component of a run (the runner
/// will take this factory) logs with the same level and to the same stream.
/// </summary>
internal static class KsimLogging
{
    /// <summary>
    /// Single-line console logging on stderr, so stdout stays the command's own output. With
    /// <paramref name="narration"/>, the run's narration (<c>--narrate</c>) goes there, whatever the
    /// log level, and not to the console logger.
    /// </summary>
    public static ILoggerFactory CreateFactory(LogLevel minimumLevel, TextWriter? narration = null) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimumLevel);
        if (narration is not null)
        {
            builder.AddProvider(new NarrationLoggerProvider(narration));
            builder.AddFilter<NarrationLoggerProvider>(Cluster.Narration.Narrator.Category, LogLevel.Information);
            builder.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(Cluster.Narration.Narrator.Category, LogLevel.None);
        }
        if (minimumLevel == LogLevel.None) return;
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
        });
    });
}
