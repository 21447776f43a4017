using Simulator.Cluster.Narration;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

public sealed class NarratorClockTests
{
    [Theory]
    [InlineData(0L, "00:00:00")]
    [InlineData(312_500_000L, "00:05:12")]
    [InlineData(3_650_000_000L, "01:00:50")]
    [InlineData(360_000_000_000L, "100:00:00")]
    public void Virtual_time_is_hours_minutes_seconds_with_hours_counting_past_a_day(long microseconds, string expected) =>
        Assert.Equal(expected, Narrator.Clock(new SimTime(microseconds)));
}
