using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The rate limits on one sync, by hand: the legacy cap, the behavior policies and select
/// policies, and changes made earlier in a policy's period. No stabilization history unless a
/// case says so, so each row shows the limit alone.
/// </summary>
public class HpaScaleLimitsTests
{
    private static readonly SimTime Now = SimTime.Zero + SimDuration.FromMinutes(10);

    private static HpaScalingRules Rules(HpaSelectPolicy select, params HpaScalingPolicy[] policies) =>
        new(SimDuration.Zero, select, policies);

    private static HpaScalingPolicy Pods(int n, int seconds) => new(HpaPolicyType.Pods, n, SimDuration.FromSeconds(seconds));

    private static HpaScalingPolicy Percent(int n, int seconds) => new(HpaPolicyType.Percent, n, SimDuration.FromSeconds(seconds));

    private static readonly HpaScalingRules NoDownWindow = HpaScalingRules.DefaultScaleDown with { StabilizationWindow = SimDuration.Zero };

    public static TheoryData<string, HpaBehavior?, int, int, int, int, int> Cases => new()
    {
        { "legacy: from 1, at most 4", null, 1, 20, 1, 30, 4 },
        { "legacy: from 3, at most 6", null, 3, 20, 1, 30, 6 },
        { "legacy: and never above max", null, 8, 20, 1, 10, 10 },
        { "legacy: scale-down without history is immediate", null, 10, 3, 1, 30, 3 },
        { "legacy: never below min", null, 10, 1, 2, 30, 2 },
        { "defaults: from 1, +4 pods beats +100 %", new HpaBehavior(HpaScalingRules.DefaultScaleUp, NoDownWindow), 1, 20, 1, 30, 5 },
        { "defaults: from 5, +100 % beats +4 pods", new HpaBehavior(HpaScalingRules.DefaultScaleUp, NoDownWindow), 5, 20, 1, 30, 10 },
        { "defaults: -100 % allows any scale-down", new HpaBehavior(HpaScalingRules.DefaultScaleUp, NoDownWindow), 10, 1, 1, 30, 1 },
        { "percent down truncates: 10 x 0.5", new HpaBehavior(HpaScalingRules.DefaultScaleUp, Rules(HpaSelectPolicy.Max, Percent(50, 15))), 10, 1, 1, 30, 5 },
        { "percent down truncates: 5 x 0.5 = 2.5", new HpaBehavior(HpaScalingRules.DefaultScaleUp, Rules(HpaSelectPolicy.Max, Percent(50, 15))), 5, 1, 1, 30, 2 },
        { "select Min on scale-down: the smaller change", new HpaBehavior(HpaScalingRules.DefaultScaleUp, Rules(HpaSelectPolicy.Min, Pods(1, 15), Percent(50, 15))), 10, 1, 1, 30, 9 },
        { "select Max on scale-down: the larger change", new HpaBehavior(HpaScalingRules.DefaultScaleUp, Rules(HpaSelectPolicy.Max, Pods(1, 15), Percent(50, 15))), 10, 1, 1, 30, 5 },
        { "percent up rounds up: 3 x 1.1 = 3.3", new HpaBehavior(Rules(HpaSelectPolicy.Max, Percent(10, 15)), NoDownWindow), 3, 20, 1, 30, 4 },
        { "scale-up disabled", new HpaBehavior(Rules(HpaSelectPolicy.Disabled, Pods(4, 15)), NoDownWindow), 3, 20, 1, 30, 3 },
        { "behavior: never below min", new HpaBehavior(HpaScalingRules.DefaultScaleUp, NoDownWindow), 10, 1, 4, 30, 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_sync(string name, HpaBehavior? behavior, int current, int desired, int min, int max, int expected)
    {
        var history = new HpaHistory();
        int actual = behavior is null
            ? HpaScaleLimits.Legacy(history, Now, current, desired, min, max)
            : HpaScaleLimits.WithBehavior(history, behavior, Now, current, desired, min, max);
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Changes_within_a_policy_period_count_from_the_replicas_at_its_start()
    {
        var behavior = new HpaBehavior(HpaScalingRules.DefaultScaleUp, Rules(HpaSelectPolicy.Max, Pods(3, 60)));
        var history = new HpaHistory();
        HpaScaleLimits.RecordScale(history, behavior, Now - SimDuration.FromSeconds(30), 10, 8);

        // 2 removed 30 s ago: the period started at 10, so 7 is the floor now.
        Assert.Equal(7, HpaScaleLimits.WithBehavior(history, behavior, Now, 8, 1, 1, 30));
        // Exactly 60 s later the change has left the period: 3 more from 7.
        Assert.Equal(4, HpaScaleLimits.WithBehavior(history, behavior, Now + SimDuration.FromSeconds(30), 7, 1, 1, 30));
    }

    [Fact]
    public void Legacy_stabilization_keeps_the_highest_recommendation_of_the_last_300_s()
    {
        var history = new HpaHistory();
        history.Recommendations.Add((Now - SimDuration.FromSeconds(300), 9));
        history.Recommendations.Add((Now - SimDuration.FromSeconds(301), 12));

        // 12 has expired; 9, exactly 300 s old, still counts.
        Assert.Equal(9, HpaScaleLimits.Legacy(history, Now, 10, 2, 1, 30));
        Assert.Equal(2, HpaScaleLimits.Legacy(history, Now + SimDuration.FromSeconds(1), 9, 2, 1, 30));
    }
}
