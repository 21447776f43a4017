namespace Simulator.Cluster.Workloads.Traces;

/// <summary>A ksim.dev TraceReplay: a trace's pod list and how to play it.</summary>
public sealed record TraceReplay
{
    public required string Name { get; init; }

    public ReplayMode Mode { get; init; } = ReplayMode.Replay;

    /// <summary>Fill mode: stop once the pods' GPU request reaches this percentage of the cluster's GPUs.</summary>
    public int FillToPercent { get; init; } = 100;

    /// <summary>The FGD paper's (and its artifact's) popularity threshold: the shapes of 95 % of the pods.</summary>
    public const int DefaultTargetWorkloadPercent = 95;

    /// <summary>
    /// The share of the pod list, by the most frequent shapes, that makes FGD's target workload
    /// (<see cref="Scheduling.Fragmentation.TargetWorkload.FromPods"/>).
    /// </summary>
    public int TargetWorkloadPercent { get; init; } = DefaultTargetWorkloadPercent;

    /// <summary>In file order.</summary>
    public required IReadOnlyList<TracePod> Pods { get; init; }

    /// <summary>The random stream the fill mode shuffles and draws copies with.</summary>
    public string StreamName => "trace-replay/" + Name;
}
