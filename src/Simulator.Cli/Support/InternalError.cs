namespace Simulator.Cli.Support;

/// <summary>
/// Reports a bug: an exception that escaped a command. The runner puts the virtual time and event
/// into its exception messages, so the message (and those of inner exceptions) is what is shown.
/// </summary>
internal static class InternalError
{
    public static int Report(CliContext context, Exception exception, bool withStackTrace = false)
    {
        context.Error.WriteLine($"ksim: internal error: {exception.GetType().Name}: {exception.Message}");
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            context.Error.WriteLine($"  caused by {inner.GetType().Name}: {inner.Message}");
        }
        if (withStackTrace) context.Error.WriteLine(exception.ToString());
        else context.Error.WriteLine("  (run with --log-level debug for the stack trace)");
        return ExitCodes.InternalError;
    }
}
