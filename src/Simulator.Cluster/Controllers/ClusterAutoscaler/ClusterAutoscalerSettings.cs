using Simulator.Cluster.Faults;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// The Cluster Autoscaler's flags that ksim models, with CA's defaults (the reference's §6 flag
/// table). A scenario sets them in <c>Scenario.spec.clusterAutoscaler</c>, named as the flags are
/// (camelCase). The autoscaler runs only when some NodePool has <c>spec.autoscaling</c>.
/// </summary>
public sealed record ClusterAutoscalerSettings
{
    /// <summary><c>--scan-interval</c>: how often the loop runs (10 s).</summary>
    public SimDuration ScanInterval { get; init; } = SimDuration.FromSeconds(10);

    /// <summary><c>--expander</c>: a comma-separated chain (least-waste).</summary>
    public string Expander { get; init; } = ExpanderChain.Default;

    /// <summary><c>--expendable-pods-priority-cutoff</c>: pods below this priority never trigger a scale-up (-10).</summary>
    public int ExpendablePodsPriorityCutoff { get; init; } = -10;

    /// <summary><c>--scale-down-enabled</c> (true).</summary>
    public bool ScaleDownEnabled { get; init; } = true;

    /// <summary><c>--scale-down-unneeded-time</c>: how long a node must be unneeded before it is removed (10 min).</summary>
    public SimDuration ScaleDownUnneededTime { get; init; } = SimDuration.FromMinutes(10);

    /// <summary><c>--scale-down-unready-time</c>: the same for a NotReady node (20 min).</summary>
    public SimDuration ScaleDownUnreadyTime { get; init; } = SimDuration.FromMinutes(20);

    /// <summary><c>--scale-down-utilization-threshold</c>: below this, max(cpu, memory) requests over allocatable, a node is a candidate (0.5).</summary>
    public double ScaleDownUtilizationThreshold { get; init; } = 0.5;

    /// <summary><c>--scale-down-gpu-utilization-threshold</c>: the same for GPU nodes, by GPU requests alone (0.5).</summary>
    public double ScaleDownGpuUtilizationThreshold { get; init; } = 0.5;

    /// <summary><c>--scale-down-delay-after-add</c>: no scale-down this long after a scale-up (10 min).</summary>
    public SimDuration ScaleDownDelayAfterAdd { get; init; } = SimDuration.FromMinutes(10);

    /// <summary><c>--scale-down-delay-after-delete</c> (0: the scan interval).</summary>
    public SimDuration ScaleDownDelayAfterDelete { get; init; } = SimDuration.Zero;

    /// <summary><c>--scale-down-delay-after-failure</c> (3 min).</summary>
    public SimDuration ScaleDownDelayAfterFailure { get; init; } = SimDuration.FromMinutes(3);

    /// <summary><c>--max-node-provision-time</c>: a requested node not registered by then is given up and its pool backs off (15 min).</summary>
    public SimDuration MaxNodeProvisionTime { get; init; } = SimDuration.FromMinutes(15);

    /// <summary><c>--max-graceful-termination-sec</c>: the longest a drained pod is given to stop (600 s).</summary>
    public SimDuration MaxGracefulTermination { get; init; } = SimDuration.FromSeconds(600);

    /// <summary><c>--max-scale-down-parallelism</c>: nodes removed at once, empty ones in bulk (10).</summary>
    public int MaxScaleDownParallelism { get; init; } = 10;

    /// <summary><c>--max-drain-parallelism</c>: non-empty nodes drained at once (1).</summary>
    public int MaxDrainParallelism { get; init; } = 1;

    /// <summary><c>--initial-node-group-backoff-duration</c>: a pool whose scale-up failed is skipped this long, doubling per failure (5 min)...</summary>
    public SimDuration InitialNodeGroupBackoff { get; init; } = SimDuration.FromMinutes(5);

    /// <summary>... up to <c>--max-node-group-backoff-duration</c> (30 min)...</summary>
    public SimDuration MaxNodeGroupBackoff { get; init; } = SimDuration.FromMinutes(30);

    /// <summary>... and forgotten after <c>--node-group-backoff-reset-timeout</c> without failures (3 h).</summary>
    public SimDuration NodeGroupBackoffReset { get; init; } = SimDuration.FromHours(3);

    /// <summary>
    /// ksim's default provisioning delay for a pool without <c>spec.autoscaling.provisioningDelay</c>:
    /// from the scale-up request to the node registering Ready. The reference: "a GCE node is
    /// schedulable 3-4 min after the request"; a log-normal with median 3.5 min and σ 0.08 puts
    /// 95 % of draws between 3.0 and 4.1 min.
    /// </summary>
    public DurationDistribution DefaultProvisioningDelay { get; init; } =
        DurationDistribution.LogNormal(SimDuration.FromSeconds(210), 0.08);

    /// <summary>
    /// ksim's default extra delay, on GPU nodes, from registering Ready to the GPUs becoming
    /// allocatable (driver and device plugin start-up). The reference: "a GPU can take up to 15 min
    /// after the node is Ready to become allocatable"; a log-normal with median 4 min and σ 0.5
    /// puts 95 % of draws between 1.5 and 10.7 min, and about 1 in 240 past 15 min.
    /// </summary>
    public DurationDistribution DefaultGpuReadyDelay { get; init; } =
        DurationDistribution.LogNormal(SimDuration.FromMinutes(4), 0.5);
}
