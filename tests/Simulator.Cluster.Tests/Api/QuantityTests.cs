using FsCheck.Xunit;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Tests.Api;

public class QuantityTests
{
    // Expected values follow apimachinery quantity.go and its quantity_test.go tables; where ksim
    // rounds to milli instead of nano the comment says so.
    [Theory]
    [InlineData("0", 0L, 0L, "0")]
    [InlineData("1", 1000L, 1L, "1")]
    [InlineData("100", 100_000L, 100L, "100")]
    [InlineData("00012", 12_000L, 12L, "12")]
    [InlineData("1.5", 1500L, 2L, "1500m")]
    [InlineData("1000m", 1000L, 1L, "1")]
    [InlineData("500m", 500L, 1L, "500m")]
    [InlineData("100m", 100L, 1L, "100m")]
    [InlineData("0.1m", 1L, 1L, "1m")]                   // Kubernetes keeps 100u; ksim rounds up to 1m
    [InlineData("1n", 1L, 1L, "1m")]
    [InlineData("1u", 1L, 1L, "1m")]
    [InlineData("100u", 1L, 1L, "1m")]
    [InlineData("0.0001", 1L, 1L, "1m")]
    [InlineData("0.000000000000000000000001", 1L, 1L, "1m")]
    [InlineData("0.30000000000000004", 301L, 1L, "301m")]
    [InlineData(".5", 500L, 1L, "500m")]
    [InlineData("5.", 5000L, 5L, "5")]
    [InlineData("1.G", 1_000_000_000_000L, 1_000_000_000L, "1G")]
    [InlineData("+1", 1000L, 1L, "1")]
    [InlineData("2k", 2_000_000L, 2000L, "2k")]
    [InlineData("1000M", 1_000_000_000_000L, 1_000_000_000L, "1G")]
    [InlineData("100.035k", 100_035_000L, 100_035L, "100035")]
    [InlineData("129M", 129_000_000_000L, 129_000_000L, "129M")]
    [InlineData("128974848", 128_974_848_000L, 128_974_848L, "128974848")]
    [InlineData("1P", 1_000_000_000_000_000_000L, 1_000_000_000_000_000L, "1P")]
    [InlineData("2048", 2_048_000L, 2048L, "2048")]          // DecimalSI never turns into Ki
    [InlineData("1000000", 1_000_000_000L, 1_000_000L, "1M")]
    [InlineData("976.5625Ki", 1_000_000_000L, 1_000_000L, "1000000")] // BinarySI that no Ki..Ei divides
    [InlineData("1Ki", 1_024_000L, 1024L, "1Ki")]
    [InlineData("0Ki", 0L, 0L, "0")]
    [InlineData("0.5Ki", 512_000L, 512L, "512")]            // BinarySI below 1024 prints as DecimalSI
    [InlineData("1.5Ki", 1_536_000L, 1536L, "1536")]
    [InlineData(".001Ki", 1024L, 2L, "1024m")]
    [InlineData("100.035Ki", 102_435_840L, 102_436L, "102435840m")] // fractional BinarySI prints as DecimalSI
    [InlineData("123Mi", 128_974_848_000L, 128_974_848L, "123Mi")]
    [InlineData("1024Mi", 1_073_741_824_000L, 1_073_741_824L, "1Gi")]
    [InlineData("1.5Gi", 1_610_612_736_000L, 1_610_612_736L, "1536Mi")]
    [InlineData("0.9Gi", 966_367_641_600L, 966_367_642L, "966367641600m")]
    [InlineData("4Gi", 4_294_967_296_000L, 4_294_967_296L, "4Gi")]
    [InlineData("8Pi", 9_007_199_254_740_992_000L, 9_007_199_254_740_992L, "8Pi")]
    [InlineData("1e3", 1_000_000L, 1000L, "1e3")]
    [InlineData("1E3", 1_000_000L, 1000L, "1e3")]
    [InlineData("1e03", 1_000_000L, 1000L, "1e3")]
    [InlineData("12e6", 12_000_000_000L, 12_000_000L, "12e6")]
    [InlineData("129e6", 129_000_000_000L, 129_000_000L, "129e6")]
    [InlineData("1.2e3", 1_200_000L, 1200L, "1200")]
    [InlineData("1.3E+6", 1_300_000_000L, 1_300_000L, "1300e3")]
    [InlineData("1e-3", 1L, 1L, "1e-3")]
    [InlineData("1.5e0", 1500L, 2L, "1500e-3")]
    [InlineData("0.5e-2", 5L, 1L, "5e-3")]
    [InlineData("1e-2147483647", 1L, 1L, "1e-3")]
    [InlineData("0e2147483647", 0L, 0L, "0")]
    [InlineData("-1", -1000L, -1L, "-1")]
    [InlineData("-1.5", -1500L, -2L, "-1500m")]             // Value rounds away from zero
    [InlineData("-0.1m", -1L, -1L, "-1m")]
    [InlineData("-0", 0L, 0L, "0")]
    [InlineData("-2Ki", -2_048_000L, -2048L, "-2Ki")]
    [InlineData("-1e3", -1_000_000L, -1000L, "-1e3")]
    [InlineData("9223372036854775807m", long.MaxValue, 9_223_372_036_854_776L, "9223372036854775807m")]
    [InlineData("-9223372036854775808m", long.MinValue, -9_223_372_036_854_776L, "-9223372036854775808m")]
    public void Parses_valid_quantities(string text, long milli, long value, string canonical)
    {
        Assert.True(Quantity.TryParse(text, out var q, out var error), error);
        Assert.Equal(milli, q.MilliValue);
        Assert.Equal(value, q.Value);
        Assert.Equal(milli % 1000 == 0, q.IsInteger);
        Assert.Equal(canonical, q.ToString());
        Assert.Equal(q, Quantity.Parse(text));
    }

    [Theory]
    [InlineData("", "invalid quantity \"\": empty")]
    [InlineData(null, "invalid quantity \"\": empty")]
    [InlineData("1.5 Gi", "invalid quantity \"1.5 Gi\": unexpected \" Gi\" (use a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ... or an exponent like 1e3)")]
    [InlineData(" 1", "unexpected \" 1\"")]
    [InlineData("1 ", "unexpected \" \"")]
    [InlineData("1GB", "unexpected \"GB\" (there is no \"B\": use \"G\" for powers of 1000 or \"Gi\" for powers of 1024)")]
    [InlineData("1kb", "use \"k\" for powers of 1000 or \"Ki\"")]
    [InlineData("1MiB", "there is no \"B\": did you mean \"Mi\"?")]
    [InlineData("1gi", "unexpected \"gi\" (suffixes are case-sensitive: did you mean \"Gi\"?)")]
    [InlineData("0.1mi", "did you mean \"Mi\"?")]
    [InlineData("1K", "did you mean \"k\"?")]
    [InlineData("abc", "invalid quantity \"abc\": unexpected \"abc\"")]
    [InlineData("aoeu", "unexpected \"aoeu\"")]
    [InlineData("1..5", "unexpected \".5\"")]
    [InlineData("1.1.M", "unexpected \".M\"")]
    [InlineData("1+1.0M", "unexpected \"+1.0M\"")]
    [InlineData("--1", "unexpected \"-1\"")]
    [InlineData("0x10", "unexpected \"x10\"")]
    [InlineData("1i", "unexpected \"i\"")]
    [InlineData("1e", "unexpected \"e\" (an exponent is e or E and an integer")]
    [InlineData("-3.01e-", "unexpected \"e-\"")]
    [InlineData("1e3.5", "unexpected \"e3.5\"")]
    [InlineData("1e4294967297", "exponent \"e4294967297\" is out of range")]
    [InlineData("Ki", "invalid quantity \"Ki\": missing a number before \"Ki\"")]
    [InlineData("-", "invalid quantity \"-\": missing a number")]
    [InlineData(".", "invalid quantity \".\": missing a number")]
    [InlineData("+", "missing a number")]
    [InlineData("1E", "invalid quantity \"1E\": too large")]
    [InlineData("10E", "too large")]
    [InlineData("1Ei", "too large")]
    [InlineData("9Ei", "too large")]                        // Kubernetes caps it at 2^63-1
    [InlineData("1e2147483647", "too large")]
    [InlineData("9223372036854775808m", "too large")]
    [InlineData("9223372036854776", "too large")]
    [InlineData("-9223372036854775809m", "too large")]
    public void Rejects_invalid_quantities(string? text, string expectedError)
    {
        Assert.False(Quantity.TryParse(text, out var q, out var error));
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
        Assert.Equal(default, q);
        if (text is not null)
            Assert.Equal(error, Assert.Throws<FormatException>(() => Quantity.Parse(text)).Message);
    }

    [Theory]
    [InlineData("cpu", "500m", 500L)]
    [InlineData("cpu", "1.5", 1500L)]
    [InlineData("cpu", "2", 2000L)]
    [InlineData("cpu", "100u", 1L)]
    [InlineData("cpu", "0", 0L)]
    [InlineData("memory", "4Gi", 4_294_967_296L)]
    [InlineData("memory", "1.5Gi", 1_610_612_736L)]
    [InlineData("memory", "128974848", 128_974_848L)]
    [InlineData("memory", "129e6", 129_000_000L)]
    [InlineData("memory", "129M", 129_000_000L)]
    [InlineData("memory", "123Mi", 128_974_848L)]
    [InlineData("memory", "1k", 1000L)]
    [InlineData("memory", "1Ki", 1024L)]
    [InlineData("memory", "0.5", 1L)]                       // bytes round up, like Value()
    [InlineData("memory", "100m", 1L)]
    [InlineData("ephemeral-storage", "10Gi", 10_737_418_240L)]
    [InlineData("hugepages-2Mi", "1Gi", 1_073_741_824L)]
    [InlineData("nvidia.com/gpu", "2", 2L)]
    [InlineData("nvidia.com/gpu", "1e3", 1000L)]
    [InlineData("nvidia.com/gpu", "2000m", 2L)]
    [InlineData("google.com/tpu", "4", 4L)]
    [InlineData("ksim.dev/gpu-milli", "500", 500L)]
    [InlineData("pods", "110", 110L)]
    public void TryParseFor_converts_to_base_units(string resource, string text, long expected)
    {
        Assert.True(Quantity.TryParseFor(resource, text, out var units, out var error), error);
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("nvidia.com/gpu", "0.5", "must be an integer, got \"0.5\"")]
    [InlineData("nvidia.com/gpu", "500m", "must be an integer, got \"500m\"")]
    [InlineData("pods", "1.5", "must be an integer, got \"1.5\"")]
    [InlineData("nvidia.com/gpu", "-1", "must not be negative, got \"-1\"")]
    [InlineData("cpu", "-1", "must not be negative, got \"-1\"")]
    [InlineData("memory", "-1Gi", "must not be negative, got \"-1Gi\"")]
    [InlineData("cpu", "1 cpu", "invalid quantity \"1 cpu\": unexpected \" cpu\"")]
    [InlineData("memory", "1GB", "invalid quantity \"1GB\"")]
    [InlineData("memory", null, "invalid quantity \"\": empty")]
    public void TryParseFor_rejects(string resource, string? text, string expectedError)
    {
        Assert.False(Quantity.TryParseFor(resource, text, out var units, out var error));
        Assert.Equal(0, units);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu", 1500L, "1500m")]
    [InlineData("cpu", 2000L, "2")]
    [InlineData("memory", 4_294_967_296L, "4Gi")]
    [InlineData("memory", 1_610_612_736L, "1536Mi")]
    [InlineData("memory", 129_000_000L, "129000000")]
    [InlineData("memory", long.MaxValue, "9223372036854775807")]
    [InlineData("nvidia.com/gpu", 8L, "8")]
    [InlineData("pods", 110L, "110")]
    public void FormatFor_prints_base_units(string resource, long units, string expected)
    {
        Assert.Equal(expected, Quantity.FormatFor(resource, units));
        if (units <= long.MaxValue / 1000)
        {
            Assert.True(Quantity.TryParseFor(resource, expected, out var back, out var error), error);
            Assert.Equal(units, back);
        }
    }

    [Fact]
    public void Equality_compares_values_not_formats()
    {
        var binary = Quantity.Parse("1Ki");
        var plain = Quantity.Parse("1024");
        Assert.Equal(binary, plain);
        Assert.True(binary == plain);
        Assert.Equal(binary.GetHashCode(), plain.GetHashCode());
        Assert.Equal("1Ki", binary.ToString());
        Assert.Equal("1024", plain.ToString());
        Assert.Equal(QuantityFormat.BinarySI, binary.Format);
        Assert.NotEqual(Quantity.Parse("1k"), plain);
    }

    [Fact]
    public void Factories_use_DecimalSI_unless_told()
    {
        Assert.Equal("1500m", Quantity.FromMilli(1500).ToString());
        Assert.Equal("2k", Quantity.FromUnits(2000).ToString());
        Assert.Equal("2Ki", Quantity.FromUnits(2048, QuantityFormat.BinarySI).ToString());
        Assert.Equal("2e3", Quantity.FromUnits(2000, QuantityFormat.DecimalExponent).ToString());
        Assert.Throws<OverflowException>(() => Quantity.FromUnits(long.MaxValue));
    }

    [Property(MaxTest = 1000)]
    public bool Canonical_form_round_trips(long seed, byte scale, bool binaryScale, QuantityFormat format)
    {
        // Scale the seed by a power of 1000 or 1024 so that every suffix gets exercised.
        Int128 factor = binaryScale ? (Int128)1000 << (10 * (scale % 6)) : Int128.One;
        for (int i = 0; !binaryScale && i < scale % 7; i++) factor *= 1000;
        Int128 scaled = seed * factor;
        long milli = scaled >= long.MinValue && scaled <= long.MaxValue ? (long)scaled : seed;

        // The value survives; the text is stable from the first reparse on. It need not be stable before:
        // BinarySI 10^6 prints "1000000", which reads back as DecimalSI "1M", as in Kubernetes.
        string text = Quantity.FromMilli(milli, format).ToString();
        return Quantity.TryParse(text, out var back, out _) && back.MilliValue == milli
            && Quantity.Parse(back.ToString()).ToString() == back.ToString();
    }

    [Property(MaxTest = 1000)]
    public bool Never_throws_on_arbitrary_text(string? text) =>
        Quantity.TryParse(text, out _, out var error) || error.StartsWith("invalid quantity \"", StringComparison.Ordinal);
}
