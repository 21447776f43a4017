using Simulator.Engine;
using Simulator.Reporting.Views;

namespace Simulator.Reporting.Tests.Views;

/// <summary>kubectl's AGE text, apimachinery duration.HumanDuration, at each boundary of its rules.</summary>
public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(999_999L, "0s")]            // truncated, never rounded
    [InlineData(1_500_000L, "1s")]
    [InlineData(-1_000_000L, "0s")]         // up to a second in the future is clock skew: "now"
    [InlineData(-1_999_999L, "0s")]
    [InlineData(-2_000_000L, "<invalid>")]
    [InlineData(119_000_000L, "119s")]      // seconds below 2 minutes
    [InlineData(120_000_000L, "2m")]
    [InlineData(121_000_000L, "2m1s")]      // minutes and seconds below 10 minutes
    [InlineData(599_000_000L, "9m59s")]
    [InlineData(600_000_000L, "10m")]       // minutes below 3 hours
    [InlineData(10_799_000_000L, "179m")]
    [InlineData(10_800_000_000L, "3h")]     // hours and minutes below 8 hours
    [InlineData(10_860_000_000L, "3h1m")]
    [InlineData(28_799_000_000L, "7h59m")]
    [InlineData(28_800_000_000L, "8h")]     // hours below 2 days
    [InlineData(172_799_000_000L, "47h")]
    [InlineData(172_800_000_000L, "2d")]    // days and hours below 8 days
    [InlineData(176_400_000_000L, "2d1h")]
    [InlineData(691_199_000_000L, "7d23h")]
    [InlineData(691_200_000_000L, "8d")]    // days below 2 years
    [InlineData(63_071_999_000_000L, "729d")]
    [InlineData(63_072_000_000_000L, "2y")] // years and days below 8 years
    [InlineData(63_158_400_000_000L, "2y1d")]
    [InlineData(252_288_000_000_000L, "8y")]
    public void Formats_like_kubectl(long microseconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(new SimDuration(microseconds)));
}
