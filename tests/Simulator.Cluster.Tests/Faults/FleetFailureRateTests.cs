using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Faults;

/// <summary>
/// Whole-simulation check of the 8-GPU default against the report it comes from: Llama 3 405B's
/// 2,048 nodes over 54 days saw 419 unexpected interruptions.
/// </summary>
public class FleetFailureRateTests
{
    [Fact]
    public void The_llama3_fleet_sees_about_419_failures_in_54_days()
    {
        var cluster = new TestCluster(11);
        for (int i = 0; i < 2048; i++) cluster.Store.AddNode(new NodeBuilder($"gpu-{i}").Zone($"z{i % 4}").Build());
        cluster.Sim.Faults.AddModel(new FaultModel("gpu", LabelSelector.FromLabels(ObjectMeta.EmptyMap),
            FaultModelDefaults.EightGpuNodeTimeToFailure, DurationDistribution.Constant(SimDuration.FromHours(2))));
        cluster.RunTo("1296h");

        // A Poisson count with mean 419 (less the little time nodes spend down): within 4 standard deviations.
        int failures = cluster.Sim.Metrics.Events.Count(e => e.Reason == "NodeFailed");
        Assert.InRange(failures, 419 - 82, 419 + 82);
        // Every failure was noticed (each repair outlasts the grace period), but those in the last 55 s.
        int noticeable = cluster.Sim.Metrics.Events.Count(e => e.Reason == "NodeFailed" && e.Time <= TestCluster.At("1296h") - SimDuration.FromSeconds(55));
        Assert.Equal(noticeable, cluster.Sim.Metrics.Events.Count(e => e.Reason == "NodeNotReady" && e.ObjectKind == "Node"));
    }
}
