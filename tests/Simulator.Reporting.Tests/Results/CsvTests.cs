using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("nvidia.com/gpu", "nvidia.com/gpu")]
    public void Fields_are_quoted_only_when_rfc_4180_requires_it(string value, string expected)
    {
        Assert.Equal(expected, Csv.Field(value));
    }
}
