using Microsoft.Extensions.Logging;

namespace Simulator.Cli.Support;

/// <summary>
/// The one place a logger factory is made for a command, so every component of a run (the runner
/// will take this factory) logs with the same level and to the same stream.
/// </summary>
internal static class KsimLogging
{
    /// <summary>Single-line console logging on stderr, so stdout stays the command's own output.</summary>
    public static ILoggerFactory CreateFactory(LogLevel minimumLevel) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimumLevel);
        if (minimumLevel == LogLevel.None) return;
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
        });
    });
}
