using Simulator.Engine;

namespace Simulator.Engine.Tests;

public class SimDurationTests
{
    public static TheoryData<string, long> ValidDurations => new()
    {
        { "90s", 90_000_000 },
        { "5m", 300_000_000 },
        { "1h30m", 5_400_000_000 },
        { "1.5s", 1_500_000 },
        { "250ms", 250_000 },
        { "2d", 172_800_000_000 },
        { "0", 0 },
        { "0s", 0 },
        { "1h0m0s", 3_600_000_000 },
        { "1m30s", 90_000_000 },
        { ".5s", 500_000 },
        { "+5s", 5_000_000 },
        { "1500us", 1_500 },
        { "7µs", 7 },
        { "1500ns", 1 }, // the clock ticks in microseconds; the rest is truncated
        { "999ns", 0 },
        { "106751991d", 9_223_372_022_400_000_000 },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Parses_go_duration_syntax(string text, long expectedMicroseconds)
    {
        Assert.True(SimDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(expectedMicroseconds, duration.Microseconds);
        Assert.Equal("", error);
    }

    public static TheoryData<string, string> InvalidDurations => new()
    {
        { "", "required" },
        { "   ", "required" },
        { "-5s", "negative" },
        { "5", "missing unit" },
        { "1h30", "missing unit" },
        { "5x", "unknown unit \"x\"" },
        { "5S", "unknown unit \"S\"" },
        { "abc", "expected a number" },
        { "1..5s", "expected a number" },
        { ".s", "expected a number" },
        { "106751992d", "too large" },
        { "9999999999999999999999h", "too large" },
        { "99999999999999999999999999999999999999s", "too large" },
    };

    [Theory]
    [MemberData(nameof(InvalidDurations))]
    public void Rejects_malformed_durations_with_a_reason(string text, string reason)
    {
        Assert.False(SimDuration.TryParse(text, out var duration, out var error));
        Assert.Contains(reason, error);
        Assert.Equal(SimDuration.Zero, duration);
        var thrown = Assert.Throws<FormatException>(() => SimDuration.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    public static TheoryData<long, string> GoStrings => new()
    {
        { 0, "0s" },
        { 1, "1µs" },
        { 1_500, "1.5ms" },
        { 250_000, "250ms" },
        { 1_000_000, "1s" },
        { 1_500_000, "1.5s" },
        { 1_000_001, "1.000001s" },
        { 90_000_000, "1m30s" },
        { 3_600_000_000, "1h0m0s" },
        { 5_400_000_000, "1h30m0s" },
        { 172_800_000_000, "48h0m0s" },
        { -1_500_000, "-1.5s" },
        { long.MinValue, "-2562047788h0m54.775808s" },
    };

    [Theory]
    [MemberData(nameof(GoStrings))]
    public void Prints_like_gos_time_Duration(long microseconds, string expected)
    {
        Assert.Equal(expected, new SimDuration(microseconds).ToString());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(999L)]
    [InlineData(1_500L)]
    [InlineData(1_500_000L)]
    [InlineData(5_400_000_000L)]
    [InlineData(86_400_123_456L)]
    [InlineData(long.MaxValue)]
    public void Printed_form_parses_back_to_the_same_duration(long microseconds)
    {
        var duration = new SimDuration(microseconds);
        Assert.Equal(duration, SimDuration.Parse(duration.ToString()));
    }
}
