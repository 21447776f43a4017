using Simulator.Scenarios.Validation;

namespace Simulator.Scenarios.Tests.Validation;

public class SuggestionsTests
{
    [Theory]
    [InlineData("resurces", "resources")]
    [InlineData("cuont", "count")]
    [InlineData("Cpu", "cpu")]
    [InlineData("memroy", "memory")]
    [InlineData("tolerations", "tolerations")]
    [InlineData("zzz", null)]
    [InlineData("image", null)]
    public void Closest_suggests_only_likely_typos(string typed, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, ["resources", "count", "cpu", "memory", "tolerations", "imagePullPolicy"]));
}
