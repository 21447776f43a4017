using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Controllers.HpaTestKit;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// The HPA controller on a whole cluster: 15 s syncs, the scale-up caps (legacy and behavior
/// defaults), scale-down stabilization, policies over periods, min/max clamping and the
/// SuccessfulRescale texts. Pods request 100m; the target is 50 % CPU unless a test says otherwise.
/// </summary>
public class HpaControllerTests
{
    [Fact]
    public void Fact_10_four_replicas_at_80_percent_against_50_become_7_at_the_first_sync()
    {
        var kit = new HpaTestKit(replicas: 4, min: 1, max: 10);
        kit.PerPodCpu(80);

        kit.RunTo("14s");
        Assert.Empty(kit.Rescales());
        kit.RunTo("15s");

        Assert.Equal([(15, "New size: 7; reason: " + Cpu("above"))], kit.Rescales());
        Assert.Equal(7, kit.Replicas);
        var s = kit.Hpa.Status;
        Assert.Equal((4, 7, 15.0), (s.CurrentReplicas, s.DesiredReplicas, s.LastScaleTime?.TotalSeconds));
        Assert.Equal([80], s.CurrentMetrics);
        var e = Assert.Single(kit.Cluster.Sim.Metrics.Events, e => e.Reason == "SuccessfulRescale");
        Assert.Equal((EventType.Normal, "HorizontalPodAutoscaler", Component), (e.Type, e.ObjectKind, e.Source));
    }

    [Fact]
    public void Fact_10_54_percent_against_50_is_within_tolerance()
    {
        var kit = new HpaTestKit(replicas: 4, min: 1, max: 10);
        kit.PerPodCpu(54);
        kit.RunTo("5m");
        Assert.Empty(kit.Rescales());
        Assert.Equal((4, 4), (kit.Hpa.Status.CurrentReplicas, kit.Hpa.Status.DesiredReplicas));
        Assert.Equal([54], kit.Hpa.Status.CurrentMetrics);
    }

    [Theory]
    // Legacy: at most max(2 x current, 4) per sync.
    [InlineData(false, new[] { 4, 8, 16, 30 })]
    // Behavior defaults: max(+4 pods, +100 %) per 15 s.
    [InlineData(true, new[] { 5, 10, 20, 30 })]
    public void Fact_10_from_one_replica_under_high_load_the_scale_up_is_capped_each_sync(bool behavior, int[] sizes)
    {
        var kit = new HpaTestKit(replicas: 1, min: 1, max: 30, behavior ? DefaultBehavior : null);
        kit.PerPodCpu(1000); // 1000 % against 50 %: every sync asks for 20 times the current size

        kit.RunTo("2m");

        Assert.Equal(sizes.Select((n, i) => (15.0 * (i + 1), n)), kit.Sizes());
        Assert.Equal(30, kit.Replicas);
    }

    [Theory]
    // Legacy: the 7 recommended at 90 s counts until 390 s inclusive (only older ones expire).
    [InlineData(false, 405)]
    // Behavior: only recommendations strictly newer than 300 s count.
    [InlineData(true, 390)]
    public void Fact_11_a_dip_in_load_scales_down_only_after_300_s_of_lower_recommendations(bool behavior, double scaleDownAt)
    {
        var kit = new HpaTestKit(replicas: 4, min: 1, max: 10, behavior ? DefaultBehavior : null);
        kit.TotalCpu(320); // 80 % on 4 pods -> 7; then 45 % on 7 pods, within tolerance
        kit.RunTo("100s");
        kit.TotalCpu(70); // 10 % on 7 pods: every sync from 105 s recommends 2

        kit.RunTo("385s");
        Assert.Equal([(15, 7)], kit.Sizes());
        Assert.Equal(7, kit.Replicas);

        kit.RunTo("7m");
        Assert.Equal([(15, "New size: 7; reason: " + Cpu("above")), (scaleDownAt, "New size: 2; reason: All metrics below target")], kit.Rescales());
    }

    [Fact]
    public void A_scale_down_policy_of_one_pod_per_60_s_removes_one_pod_a_minute()
    {
        var scaleDown = new HpaScalingRules(Seconds(0), HpaSelectPolicy.Max, [new HpaScalingPolicy(HpaPolicyType.Pods, 1, Seconds(60))]);
        var kit = new HpaTestKit(replicas: 6, min: 1, max: 10, new HpaBehavior(HpaScalingRules.DefaultScaleUp, scaleDown));
        kit.TotalCpu(60); // 10 % on 6 pods: asks for 2

        kit.RunTo("5m");

        // A change counts against the policy while it is less than 60 s old.
        Assert.Equal([(15, 5), (75, 4), (135, 3), (195, 2)], kit.Sizes());
        Assert.All(kit.Rescales(), r => Assert.EndsWith("reason: All metrics below target", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_scale_up_with_select_policy_min_takes_the_smaller_of_the_policies_over_their_period()
    {
        var scaleUp = new HpaScalingRules(Seconds(0), HpaSelectPolicy.Min,
            [new HpaScalingPolicy(HpaPolicyType.Pods, 4, Seconds(60)), new HpaScalingPolicy(HpaPolicyType.Percent, 50, Seconds(60))]);
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 20, new HpaBehavior(scaleUp, HpaScalingRules.DefaultScaleDown));
        kit.PerPodCpu(1000);

        kit.RunTo("140s");

        // min(2 + 4, ceil(2 x 1.5)) = 3; a minute later min(3 + 4, ceil(4.5)) = 5; then min(9, ceil(7.5)) = 8.
        Assert.Equal([(15, 3), (75, 5), (135, 8)], kit.Sizes());
    }

    [Fact]
    public void A_disabled_scale_down_never_removes_pods()
    {
        var scaleDown = HpaScalingRules.DefaultScaleDown with { StabilizationWindow = Seconds(0), SelectPolicy = HpaSelectPolicy.Disabled };
        var kit = new HpaTestKit(replicas: 6, min: 1, max: 10, new HpaBehavior(HpaScalingRules.DefaultScaleUp, scaleDown));
        kit.TotalCpu(60);
        kit.RunTo("10m");
        Assert.Empty(kit.Rescales());
        Assert.Equal(6, kit.Replicas);
    }

    [Theory]
    // The metrics ask for 40 (the scale-up limit allows 6), but maxReplicas is 3.
    [InlineData(2, 1, 3, 1000L, "New size: 3; reason: cpu resource utilization (percentage of request) above target")]
    // The metrics ask for 2 (no stabilization window), but minReplicas is 3.
    [InlineData(6, 3, 10, 10L, "New size: 3; reason: All metrics below target")]
    // Out of range before any metric is read.
    [InlineData(8, 1, 5, 50L, "New size: 5; reason: Current number of replicas above Spec.MaxReplicas")]
    [InlineData(1, 2, 5, 50L, "New size: 2; reason: Current number of replicas below Spec.MinReplicas")]
    public void The_result_is_clamped_to_min_and_max(int replicas, int min, int max, long perPodCpu, string message)
    {
        var scaleDown = HpaScalingRules.DefaultScaleDown with { StabilizationWindow = Seconds(0) };
        var kit = new HpaTestKit(replicas, min, max, new HpaBehavior(HpaScalingRules.DefaultScaleUp, scaleDown));
        kit.PerPodCpu(perPodCpu);

        kit.RunTo("1m");

        Assert.Equal([(15, message)], kit.Rescales());
    }

    [Fact]
    public void A_pods_metric_scales_on_the_average_per_pod_and_names_the_metric()
    {
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 10,
            metrics: [new HpaMetric(HpaMetricType.PodsAverageValue, "requests_per_second", 10)]);
        kit.TotalRps(60); // 30 per pod -> 6, legacy cap 4; then 15 per pod on 4 -> 6; then 10, on target

        kit.RunTo("2m");

        const string reason = "reason: pods metric requests_per_second above target";
        Assert.Equal([(15, "New size: 4; " + reason), (30, "New size: 6; " + reason)], kit.Rescales());
    }

    [Fact]
    public void With_several_metrics_the_largest_proposal_wins()
    {
        var kit = new HpaTestKit(replicas: 4, min: 1, max: 10,
            metrics: [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 50), new HpaMetric(HpaMetricType.PodsAverageValue, "requests_per_second", 10)]);
        kit.TotalCpu(200); // 50 %: on target, proposes 4
        kit.TotalRps(60); // 15 per pod: proposes 6

        kit.RunTo("15s");

        Assert.Equal([(15, "New size: 6; reason: pods metric requests_per_second above target")], kit.Rescales());
        Assert.Equal([50, 15], kit.Hpa.Status.CurrentMetrics);
    }

    [Fact]
    public void Without_a_metrics_source_the_hpa_warns_once_and_never_scales()
    {
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 10, withMetrics: false);

        kit.RunTo("5m");

        Assert.Empty(kit.Rescales());
        var warning = Assert.Single(kit.Cluster.Sim.Metrics.Events, e => e.Type == EventType.Warning && e.ObjectName == "default/web" && e.ObjectKind == "HorizontalPodAutoscaler");
        Assert.Equal((15.0, "FailedComputeMetricsReplicas"), (warning.Time.TotalSeconds, warning.Reason));
    }

    [Fact]
    public void Pods_without_metrics_give_a_warning_and_no_scaling()
    {
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 10);

        kit.RunTo("1m");

        Assert.Empty(kit.Rescales());
        var warning = Assert.Single(kit.Cluster.Sim.Metrics.Events, e => e.Reason == "FailedComputeMetricsReplicas");
        Assert.Equal("invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)",
            warning.Message);
    }

    [Fact]
    public void Pods_without_a_cpu_request_make_cpu_utilization_invalid()
    {
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 10, cpuRequest: "0");
        kit.PerPodCpu(1000);

        kit.RunTo("1m");

        Assert.Empty(kit.Rescales());
        var warning = Assert.Single(kit.Cluster.Sim.Metrics.Events, e => e.Reason == "FailedComputeMetricsReplicas");
        Assert.Matches(@"^invalid metrics \(1 invalid out of 1\), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container main of Pod web-\w+-\w+$",
            warning.Message);
    }

    [Fact]
    public void A_replica_set_can_be_the_target()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("32"));
        cluster.Sim.PodMetrics = new FakePodMetrics { Cpu = pod => pod.Status.Phase == PodPhase.Running ? 80 : null };
        var rs = new ReplicaSetBuilder("batch").Replicas(4).Build();
        cluster.Store.ReplicaSets.Create(rs);
        cluster.Store.HorizontalPodAutoscalers.Create(new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "batch" },
            Spec = new HorizontalPodAutoscalerSpec { TargetKind = "ReplicaSet", TargetName = "batch", MaxReplicas = 10,
                Metrics = [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 50)] },
        });

        cluster.RunTo("20s");

        Assert.Equal(7, rs.Spec.Replicas);
        Assert.Equal(7, cluster.Store.Pods.Count(p => p.Metadata.Controller?.Uid == rs.Metadata.Uid && !p.IsTerminating));
    }

    [Fact]
    public void A_missing_target_gives_one_failed_get_scale_warning()
    {
        var cluster = new TestCluster();
        cluster.Store.HorizontalPodAutoscalers.Create(new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec { TargetKind = "Deployment", TargetName = "nothing", MaxReplicas = 3 },
        });

        cluster.RunTo("2m");

        var warning = Assert.Single(cluster.Sim.Metrics.Events, e => e.Type == EventType.Warning);
        Assert.Equal(("FailedGetScale", "deployments.apps \"nothing\" not found"), (warning.Reason, warning.Message));
    }

    [Fact]
    public void The_sync_timer_does_not_keep_a_finished_run_alive()
    {
        var kit = new HpaTestKit(replicas: 2, min: 1, max: 10);
        kit.PerPodCpu(50);

        var result = kit.Cluster.Sim.Run(end: null);

        Assert.Equal(RunEnd.Quiescent, result.EndReason);
    }
}
