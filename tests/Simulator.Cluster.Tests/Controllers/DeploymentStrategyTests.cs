using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// maxSurge rounds up and maxUnavailable rounds down (ResolveFenceposts); if both come to 0,
/// maxUnavailable is 1. Recreate has neither, and maxUnavailable never exceeds the replicas.
/// </summary>
public class DeploymentStrategyTests
{
    private static IntOrPercent Parse(string v) =>
        v.EndsWith('%') ? IntOrPercent.Percent(int.Parse(v[..^1], System.Globalization.CultureInfo.InvariantCulture))
            : IntOrPercent.Absolute(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(10, "25%", "25%", 3, 2)] // reference fact 13: +3/-2
    [InlineData(1, "25%", "25%", 1, 0)]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(3, "50%", "50%", 2, 1)]
    [InlineData(100, "25%", "25%", 25, 25)]
    [InlineData(10, "0%", "0%", 0, 1)] // both zero: unavailable becomes 1
    [InlineData(3, "10%", "10%", 1, 0)] // 0.3 rounds up for surge, down for unavailable
    [InlineData(10, "0%", "5%", 0, 1)] // 0.5 rounds down to 0 as well
    [InlineData(10, "2", "0", 2, 0)]
    [InlineData(10, "0", "3", 0, 3)]
    [InlineData(10, "1", "100%", 1, 10)]
    [InlineData(0, "25%", "25%", 0, 1)]
    public void Surge_rounds_up_and_unavailable_rounds_down(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        Assert.Equal((expectedSurge, expectedUnavailable), RollingUpdate.ResolveFenceposts(Parse(surge), Parse(unavailable), replicas));
    }

    [Theory]
    [InlineData(DeploymentStrategyType.RollingUpdate, 2, "0", "5", 0, 2)] // capped at the replicas
    [InlineData(DeploymentStrategyType.RollingUpdate, 0, "25%", "25%", 0, 0)]
    [InlineData(DeploymentStrategyType.Recreate, 10, "25%", "25%", 0, 0)]
    public void The_deployment_applies_the_strategy(DeploymentStrategyType type, int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var d = new DeploymentBuilder("web").Replicas(replicas).Build();
        d = new Deployment
        {
            Metadata = d.Metadata,
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = d.Spec.Selector,
                Template = d.Spec.Template,
                Strategy = new DeploymentStrategy(type, Parse(surge), Parse(unavailable)),
            },
        };
        Assert.Equal((expectedSurge, expectedUnavailable), (RollingUpdate.MaxSurge(d), RollingUpdate.MaxUnavailable(d)));
    }
}
