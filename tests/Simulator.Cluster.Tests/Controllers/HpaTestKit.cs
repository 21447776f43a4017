using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>Scripted pod metrics: what the HPA reads, as functions of the pod.</summary>
internal sealed class FakePodMetrics : IPodMetrics
{
    public Func<Pod, long?> Cpu { get; set; } = _ => null;

    public Func<Pod, double?> RequestsPerSecond { get; set; } = _ => null;

    public bool TryGetCpuUsage(Pod pod, out long milliCpu)
    {
        var v = Cpu(pod);
        milliCpu = v ?? 0;
        return v is not null;
    }

    public bool TryGetRequestsPerSecond(Pod pod, out double rate)
    {
        var v = RequestsPerSecond(pod);
        rate = v ?? 0;
        return v is not null;
    }
}

/// <summary>
/// A Deployment "web" (pods request 100m CPU) on roomy nodes, an HPA "web" on it, and scripted
/// load. Load is either per pod or a total shared evenly by the running, ready pods, which is
/// how a service behind a load balancer behaves: more replicas, less each.
/// </summary>
internal sealed class HpaTestKit
{
    public HpaTestKit(int replicas, int min, int max, HpaBehavior? behavior = null, IReadOnlyList<HpaMetric>? metrics = null, bool withMetrics = true, string cpuRequest = "100m")
    {
        Cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("32"), new NodeBuilder("b").Cpu("32"));
        Cluster.Sim.PodMetrics = withMetrics ? Metrics : null; // replaces the serving model's metrics
        Deployment = new DeploymentBuilder("web").Replicas(replicas).Template(ReplicaSetBuilder.Template("web", cpu: cpuRequest)).Build();
        Hpa = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec
            {
                TargetKind = "Deployment",
                TargetName = "web",
                MinReplicas = min,
                MaxReplicas = max,
                Metrics = metrics ?? [new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 50)],
                Behavior = behavior,
            },
        };
        Cluster.Store.Deployments.Create(Deployment);
        Cluster.Store.HorizontalPodAutoscalers.Create(Hpa);
    }

    public TestCluster Cluster { get; }

    public FakePodMetrics Metrics { get; } = new();

    public Deployment Deployment { get; }

    public HorizontalPodAutoscaler Hpa { get; }

    public int Replicas => Deployment.Spec.Replicas;

    /// <summary>Every ready pod uses <paramref name="milliCpu"/>.</summary>
    public void PerPodCpu(long milliCpu) => Metrics.Cpu = pod => IsReady(pod) ? milliCpu : null;

    /// <summary><paramref name="milliCpu"/> in total, split evenly over the ready pods.</summary>
    public void TotalCpu(long milliCpu) => Metrics.Cpu = pod => IsReady(pod) ? milliCpu / Math.Max(1, ReadyPods()) : null;

    /// <summary><paramref name="rps"/> requests per second in total, split evenly over the ready pods.</summary>
    public void TotalRps(double rps) => Metrics.RequestsPerSecond = pod => IsReady(pod) ? rps / Math.Max(1, ReadyPods()) : null;

    /// <summary>The SuccessfulRescale events so far, as (seconds, message).</summary>
    public List<(double At, string Message)> Rescales() =>
    [
        .. Cluster.Sim.Metrics.Events
            .Where(e => e.Reason == "SuccessfulRescale" && e.ObjectName == "default/web")
            .Select(e => (e.Time.TotalSeconds, e.Message)),
    ];

    /// <summary>The new sizes of the rescales so far, as (seconds, replicas).</summary>
    public List<(double At, int Replicas)> Sizes() =>
        [.. Rescales().Select(r => (r.At, int.Parse(r.Message["New size: ".Length..r.Message.IndexOf(';', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)))];

    public void RunTo(string time) => Cluster.RunTo(time);

    private int ReadyPods() => Cluster.Store.Pods.Count(IsReady);

    private static bool IsReady(Pod pod) =>
        !pod.IsTerminating && pod.Status.Phase == PodPhase.Running
        && pod.Status.GetCondition(PodConditionType.Ready)?.Status == ConditionStatus.True;

    /// <summary>Behavior with the API defaults in both directions.</summary>
    public static HpaBehavior DefaultBehavior => new(HpaScalingRules.DefaultScaleUp, HpaScalingRules.DefaultScaleDown);

    public static SimDuration Seconds(long s) => SimDuration.FromSeconds(s);

    public static string Cpu(string direction) => $"cpu resource utilization (percentage of request) {direction} target";

    public static string Component => HorizontalPodAutoscalerController.ComponentName;
}
