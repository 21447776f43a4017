using Simulator.Scenarios.Validation;

namespace Simulator.Scenarios.Tests.Validation;

public class KubernetesNamesTests
{
    [Theory]
    [InlineData("web", true)]
    [InlineData("gpu-0.zone-a", true)]
    [InlineData("0", true)]
    [InlineData("Web", false)]
    [InlineData("-web", false)]
    [InlineData("web-", false)]
    [InlineData("web_1", false)]
    [InlineData("a..b", false)]
    public void Subdomain_follows_RFC_1123(string name, bool valid) =>
        Assert.Equal(valid, !KubernetesNames.SubdomainErrors(name).Any());

    [Theory]
    [InlineData("trainer", true)]
    [InlineData("a.b", false)]
    public void Label_has_no_dots(string name, bool valid) =>
        Assert.Equal(valid, !KubernetesNames.LabelErrors(name).Any());

    [Fact]
    public void Length_limits_are_253_and_63()
    {
        Assert.Empty(KubernetesNames.SubdomainErrors(new string('a', 253)));
        Assert.Equal(["must be no more than 253 characters"], KubernetesNames.SubdomainErrors(new string('a', 254)));
        Assert.Empty(KubernetesNames.LabelErrors(new string('a', 63)));
        Assert.Equal(["must be no more than 63 characters"], KubernetesNames.LabelErrors(new string('a', 64)));
    }
}
