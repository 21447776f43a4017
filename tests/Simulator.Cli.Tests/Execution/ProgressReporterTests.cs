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
        var progress = new ProgressReporter.PlainProgress(error, new ProgressMeter(clock), clock);

        progress.Report(At(1));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        progress.Report(At(2));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        progress.Report(At(3600));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(At(7200));

        Assert.Equal("[ksim] t=1h0m0s events=36000 (18000/s) pending=3 running=10\n", error.ToString());
    }

    [Fact]
    public void With_a_duration_the_line_estimates_the_time_left_at_the_pace_so_far()
    {
        var clock = new ManualClock();
        var meter = new ProgressMeter(clock);
        clock.Advance(TimeSpan.FromSeconds(4));
        // A quarter of 4 h simulated in 4 s: 12 s to go.
        var progress = new RunProgress(new SimTime(3_600_000_000), new SimTime(4 * 3_600_000_000L), EventsProcessed: 1000, PendingPods: 0, RunningPods: 2);

        Assert.Equal("t=1h0m0s events=1000 (250/s) pending=0 running=2 eta 12s", meter.Describe(progress));
    }
}
