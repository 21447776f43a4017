using Simulator.Cluster.Metrics;
using Simulator.Scenarios;
using Spectre.Console;

namespace Simulator.Cli.Execution;

/// <summary>
/// Shows a run's progress on stderr: a bar on a terminal, plain throttled lines otherwise (CI
/// logs, pipes), so stdout carries only the summary.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs with progress shown, then, if it took over a second, one line with its pace on stderr.</summary>
    public static RunResult Run(CliContext context, Func<IProgress<RunProgress>, RunResult> run)
    {
        var meter = new ProgressMeter(context.Clock);
        var result = context.ErrorIsTerminal ? RunWithBar(context, meter, run) : run(new PlainProgress(context.Error, meter, context.Clock));
        if (meter.Elapsed >= TimeSpan.FromSeconds(1)) context.Error.WriteLine("[ksim] " + meter.Done(result));
        return result;
    }

    private static RunResult RunWithBar(CliContext context, ProgressMeter meter, Func<IProgress<RunProgress>, RunResult> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(progress =>
            {
                var task = progress.AddTask("starting", maxValue: 1.0);
                return run(new BarProgress(task, meter, context.Clock));
            });
    }

    /// <summary>At most one line every two seconds of wall time: enough to see a long run move.</summary>
    internal sealed class PlainProgress(TextWriter error, ProgressMeter meter, TimeProvider clock) : IProgress<RunProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
        private long _lastPrinted = clock.GetTimestamp();

        public void Report(RunProgress value)
        {
            var now = clock.GetTimestamp();
            if (clock.GetElapsedTime(_lastPrinted, now) < Interval) return;
            _lastPrinted = now;
            error.WriteLine("[ksim] " + meter.Describe(value));
        }
    }

    /// <summary>The bar redraws ten times a second, so updating it more often is wasted work on the run thread.</summary>
    private sealed class BarProgress(ProgressTask task, ProgressMeter meter, TimeProvider clock) : IProgress<RunProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
        private long _lastUpdated;

        public void Report(RunProgress value)
        {
            var now = clock.GetTimestamp();
            if (_lastUpdated != 0 && clock.GetElapsedTime(_lastUpdated, now) < Interval) return;
            _lastUpdated = now;
            task.Description = Markup.Escape(meter.Describe(value));
            if (value.End is { Microseconds: > 0 } end)
            {
                task.IsIndeterminate = false;
                task.Value = Math.Min(1.0, (double)value.Now.Microseconds / end.Microseconds);
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }
}
