using Simulator.Cli.Execution;
using Simulator.Engine;
using Simulator.Scenarios;

namespace Simulator.Cli.Tests.Execution;

public sealed class ProgressReporterTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    private static RunProgress At(long seconds) =>
        new(new SimTime(seconds * 1_000_000), null, EventsProcessed: seconds * 10, PendingPods: 3, RunningPods: 10);

    [Fact]
    public void Plain_lines_come_at_most_every_two_seconds_of_wall_time()
    {
        var clock = new ManualClock();
        using var error = new StringWriter { NewLine = "\n" };
        var progress = new ProgressReporter.PlainProgress(error, clock);

        progress.Report(At(1));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        progress.Report(At(2));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        progress.Report(At(3600));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(At(7200));

        Assert.Equal("[ksim] t=1h0m0s events=36000 pending=3 running=10\n", error.ToString());
    }
}
