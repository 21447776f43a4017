using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum HpaMetricType
{
    /// <summary>A resource metric: CPU utilization as a percentage of the pods' request.</summary>
    ResourceCpuUtilization,

    /// <summary>A pods metric averaged per pod (ksim provides requests_per_second).</summary>
    PodsAverageValue,
}

/// <summary>One metric the HPA scales on, with its target (percent for CPU, value per pod for a pods metric).</summary>
public sealed record HpaMetric(HpaMetricType Type, string Name, double Target);

public enum HpaPolicyType
{
    Pods,
    Percent,
}

public sealed record HpaScalingPolicy(HpaPolicyType Type, int Value, SimDuration Period);

public enum HpaSelectPolicy
{
    Max,
    Min,
    Disabled,
}

/// <summary>One direction of spec.behavior.</summary>
public sealed record HpaScalingRules(SimDuration StabilizationWindow, HpaSelectPolicy SelectPolicy, IReadOnlyList<HpaScalingPolicy> Policies)
{
    /// <summary>Scale-up defaults when behavior is set: no stabilization, max of +4 pods and +100 % per 15 s.</summary>
    public static HpaScalingRules DefaultScaleUp { get; } = new(SimDuration.Zero, HpaSelectPolicy.Max,
        [new HpaScalingPolicy(HpaPolicyType.Pods, 4, SimDuration.FromSeconds(15)), new HpaScalingPolicy(HpaPolicyType.Percent, 100, SimDuration.FromSeconds(15))]);

    /// <summary>Scale-down defaults: 300 s stabilization, -100 % per 15 s.</summary>
    public static HpaScalingRules DefaultScaleDown { get; } = new(SimDuration.FromSeconds(300), HpaSelectPolicy.Max,
        [new HpaScalingPolicy(HpaPolicyType.Percent, 100, SimDuration.FromSeconds(15))]);
}

public sealed record HpaBehavior(HpaScalingRules ScaleUp, HpaScalingRules ScaleDown);

public sealed class HorizontalPodAutoscalerSpec
{
    /// <summary>The scaled object: kind (Deployment, ReplicaSet) and name, in the HPA's namespace.</summary>
    public required string TargetKind { get; init; }
    public required string TargetName { get; init; }

    /// <summary>Default 1.</summary>
    public int MinReplicas { get; init; } = 1;
    public required int MaxReplicas { get; init; }

    /// <summary>Default: CPU utilization 80 %.</summary>
    public IReadOnlyList<HpaMetric> Metrics { get; init; } = [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 80)];

    /// <summary>Null: no behavior field, so the legacy scale-up cap applies.</summary>
    public HpaBehavior? Behavior { get; init; }
}

public sealed class HorizontalPodAutoscalerStatus
{
    public int CurrentReplicas { get; set; }
    public int DesiredReplicas { get; set; }
    public SimTime? LastScaleTime { get; set; }

    /// <summary>The last measured value of each metric (percent or per-pod value), in spec order.</summary>
    public List<double> CurrentMetrics { get; } = [];
}

/// <summary>autoscaling/v2 HorizontalPodAutoscaler.</summary>
public sealed class HorizontalPodAutoscaler : IApiObject
{
    public required ObjectMeta Metadata { get; init; }
    public required HorizontalPodAutoscalerSpec Spec { get; init; }
    public HorizontalPodAutoscalerStatus Status { get; init; } = new();
    public string Kind => "HorizontalPodAutoscaler";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
