using Microsoft.Extensions.Logging;
using Simulator.Cluster.Narration;

namespace Simulator.Cli.Support;

/// <summary>
/// The compact formatter of <c>ksim run --narrate</c>: each <see cref="Narrator"/> line exactly as
/// the narrator wrote it (virtual time, component, text), written at once to the command's output,
/// with no level, category or timestamp around it; every other category is left to the console
/// logger. Synchronous, unlike the console logger's queue, so narration and the summary that
/// follows it come out in order.
/// </summary>
internal sealed class NarrationLoggerProvider(TextWriter output) : ILoggerProvider
{
    private readonly Logger _logger = new(output);

    public ILogger CreateLogger(string categoryName) => categoryName == Narrator.Category ? _logger : Silent.Instance;

    public void Dispose() => output.Flush();

    private sealed class Logger(TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) output.WriteLine(formatter(state, exception));
        }
    }

    private sealed class Silent : ILogger
    {
        public static readonly Silent Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
