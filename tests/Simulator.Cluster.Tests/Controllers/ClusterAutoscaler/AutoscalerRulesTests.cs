using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's small rules on their own: the node group backoff (5 min doubling to 30 min, reset after 3 h
/// without failures) and the NotTriggerScaleUp text (counts per reason, sorted as strings, as CA's
/// sort.Strings does).
/// </summary>
public class AutoscalerRulesTests
{
    private static SimTime At(int minutes) => SimTime.Zero + SimDuration.FromMinutes(minutes);

    [Fact]
    public void Backoff_starts_at_5_min_doubles_per_failure_and_stops_at_30_min()
    {
        var settings = new ClusterAutoscalerSettings();
        var backoff = new NodeGroupBackoff();
        Assert.False(backoff.IsBackedOff(At(0)));

        var expected = new[] { 5, 10, 20, 30, 30 };
        int t = 0;
        foreach (var minutes in expected)
        {
            backoff.Failed(At(t), settings);
            Assert.Equal(SimDuration.FromMinutes(minutes), backoff.Duration);
            Assert.Equal(At(t + minutes), backoff.Until);
            Assert.True(backoff.IsBackedOff(At(t + minutes) - SimDuration.FromMicroseconds(1)));
            Assert.False(backoff.IsBackedOff(At(t + minutes)));
            t += minutes + 1;
        }
    }

    [Fact]
    public void A_failure_more_than_3_h_after_the_last_starts_again_at_5_min()
    {
        var settings = new ClusterAutoscalerSettings();
        var backoff = new NodeGroupBackoff();
        backoff.Failed(At(0), settings);
        backoff.Failed(At(10), settings);
        Assert.Equal(SimDuration.FromMinutes(10), backoff.Duration);
        backoff.Failed(At(10 + 180), settings); // exactly 3 h later: not "more than", it doubles
        Assert.Equal(SimDuration.FromMinutes(20), backoff.Duration);
        backoff.Failed(At(10 + 180 + 181), settings);
        Assert.Equal(SimDuration.FromMinutes(5), backoff.Duration);
    }

    [Fact]
    public void The_message_counts_each_reason_and_sorts_the_parts_as_strings()
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["max node group size reached"] = 1,
            ["Insufficient cpu"] = 2,
            ["Insufficient memory"] = 10,
        };
        // "10 ..." sorts before "2 ..." as strings, as in CA.
        Assert.Equal("pod didn't trigger scale-up: 1 max node group size reached, 10 Insufficient memory, 2 Insufficient cpu",
            ScaleUpPlanner.NotTriggeredMessage(reasons));
    }
}
