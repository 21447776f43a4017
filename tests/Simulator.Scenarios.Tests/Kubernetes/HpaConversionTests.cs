using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>autoscaling/v2 HorizontalPodAutoscalers become ksim's model with Kubernetes' defaults.</summary>
public class HpaConversionTests
{
    /// <summary>The HPA comes first: it is read after the objects, so it may name a Deployment written later.</summary>
    private static string WithDeployment(string hpa) => hpa + """

        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: nginx}]
        """;

    private static HorizontalPodAutoscaler Hpa(ScenarioDefinition s) =>
        Assert.Single(s.Workloads.Select(w => w.Object).OfType<HorizontalPodAutoscaler>());

    [Fact]
    public void Hpa_without_metrics_or_behavior_takes_the_defaults()
    {
        var s = ScenarioFiles.Valid(WithDeployment("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 10
            """));
        var hpa = Hpa(s);
        Assert.Equal("default/web", hpa.Metadata.Key);
        Assert.Equal(("Deployment", "web", 1, 10), (hpa.Spec.TargetKind, hpa.Spec.TargetName, hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal([new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 80)], hpa.Spec.Metrics);
        Assert.Null(hpa.Spec.Behavior);
    }

    [Fact]
    public void Hpa_converts_cpu_and_pods_metrics_and_behavior_with_defaulted_directions()
    {
        var s = ScenarioFiles.Valid(WithDeployment("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, annotations: {ksim.dev/submit-at: 10m}}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 20
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
              - type: Pods
                pods:
                  metric: {name: requests_per_second}
                  target: {type: AverageValue, averageValue: 1500m}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 60
                  policies:
                  - {type: Pods, value: 2, periodSeconds: 30}
                  - {type: Percent, value: 10, periodSeconds: 60}
                  selectPolicy: Min
            """));
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(10), s.Workloads.Single(w => w.Object is HorizontalPodAutoscaler).SubmitAt);
        var spec = Hpa(s).Spec;
        Assert.Equal((2, 20), (spec.MinReplicas, spec.MaxReplicas));
        Assert.Equal(
            [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 60), new HpaMetric(HpaMetricType.PodsAverageValue, "requests_per_second", 1.5)],
            spec.Metrics);
        var behavior = Assert.IsType<HpaBehavior>(spec.Behavior);
        Assert.Same(HpaScalingRules.DefaultScaleUp, behavior.ScaleUp);
        Assert.Equal(SimDuration.FromSeconds(60), behavior.ScaleDown.StabilizationWindow);
        Assert.Equal(HpaSelectPolicy.Min, behavior.ScaleDown.SelectPolicy);
        Assert.Equal(
            [new HpaScalingPolicy(HpaPolicyType.Pods, 2, SimDuration.FromSeconds(30)), new HpaScalingPolicy(HpaPolicyType.Percent, 10, SimDuration.FromSeconds(60))],
            behavior.ScaleDown.Policies);
    }

    [Fact]
    public void A_direction_written_in_part_takes_the_rest_from_its_defaults()
    {
        var s = ScenarioFiles.Valid(WithDeployment("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 5
              behavior:
                scaleUp: {stabilizationWindowSeconds: 30}
                scaleDown: {selectPolicy: Disabled}
            """));
        var behavior = Hpa(s).Spec.Behavior!;
        Assert.Equal(SimDuration.FromSeconds(30), behavior.ScaleUp.StabilizationWindow);
        Assert.Equal(HpaSelectPolicy.Max, behavior.ScaleUp.SelectPolicy);
        Assert.Equal(HpaScalingRules.DefaultScaleUp.Policies, behavior.ScaleUp.Policies);
        Assert.Equal(HpaSelectPolicy.Disabled, behavior.ScaleDown.SelectPolicy);
        Assert.Equal(HpaScalingRules.DefaultScaleDown.StabilizationWindow, behavior.ScaleDown.StabilizationWindow);
        Assert.Equal(HpaScalingRules.DefaultScaleDown.Policies, behavior.ScaleDown.Policies);
    }
}
