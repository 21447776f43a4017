using Simulator.Cluster.Faults;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>Fault models become <see cref="FaultModel"/>s with distribution parameters in seconds.</summary>
public class FaultModelTests
{
    [Fact]
    public void Every_distribution_converts_to_seconds()
    {
        var s = ScenarioFiles.Valid(TimelineTests.Cluster + """
              faults:
              - name: gpu-node
                nodeSelector:
                  matchLabels: {ksim.dev/node-pool: gpu}
                timeToFailure: {distribution: exponential, mean: 264d}
                timeToRepair: {distribution: lognormal, median: 2h, sigma: 1}
              - name: zone
                nodeSelector:
                  matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a, b]}]
                timeToFailure: {distribution: weibull, shape: 0.7, scale: 30d}
                timeToRepair: {distribution: constant, value: 1h}
                correlatedBy: topology.kubernetes.io/zone
              - name: everything
                nodeSelector: {}
                timeToFailure: {distribution: constant, value: 90m}
                timeToRepair: {distribution: exponential, mean: 10m}
            """);
        Assert.Equal(3, s.FaultModels.Count);

        var gpu = s.FaultModels[0];
        Assert.Equal("gpu-node", gpu.Name);
        Assert.Equal("ksim.dev/node-pool=gpu", gpu.NodeSelector.ToString());
        Assert.Equal(new DurationDistribution(DistributionKind.Exponential, 264 * 86_400), gpu.TimeToFailure);
        Assert.Equal(new DurationDistribution(DistributionKind.LogNormal, Math.Log(7200), 1), gpu.TimeToRepair);
        Assert.Null(gpu.CorrelatedBy);

        var zone = s.FaultModels[1];
        Assert.Equal("topology.kubernetes.io/zone in (a,b)", zone.NodeSelector.ToString());
        Assert.Equal(new DurationDistribution(DistributionKind.Weibull, 0.7, 30 * 86_400), zone.TimeToFailure);
        Assert.Equal(new DurationDistribution(DistributionKind.Constant, 3600), zone.TimeToRepair);
        Assert.Equal("topology.kubernetes.io/zone", zone.CorrelatedBy);

        var everything = s.FaultModels[2];
        Assert.True(everything.NodeSelector.IsEmpty);
        Assert.True(everything.NodeSelector.Matches(new Dictionary<string, string> { ["any"] = "node" }));
        Assert.Equal(DurationDistribution.Constant(Simulator.Engine.SimDuration.FromMinutes(90)), everything.TimeToFailure);
    }

    [Fact]
    public void Without_faults_or_timeline_the_lists_are_empty()
    {
        var s = ScenarioFiles.Valid(TimelineTests.Cluster);
        Assert.Empty(s.FaultModels);
        Assert.Empty(s.Timeline);
    }
}
