using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;

namespace Simulator.Scenarios;

/// <summary>A pod and the virtual time it is created at (<c>ksim.dev/submit-at</c>, default 0).</summary>
public sealed record PodSubmission(SimTime SubmitAt, Pod Pod);

/// <summary>An API object (Deployment, ReplicaSet, Job, Service, HorizontalPodAutoscaler) and the virtual time it is created at.</summary>
public sealed record ObjectSubmission(SimTime SubmitAt, IApiObject Object);

/// <summary>
/// A scenario after loading and validation, in ksim's own model: no YAML or KubernetesClient
/// type reaches past this point.
/// </summary>
public sealed record ScenarioDefinition
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>The seed every random stream derives from; <c>--seed</c> overrides it.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>When the run stops. Null: when nothing is left to happen.</summary>
    public SimDuration? Duration { get; init; }

    /// <summary>Scheduler profile name (default, bin-packing, ...); <c>--profile</c> overrides it.</summary>
    public string Profile { get; init; } = "default";

    /// <summary>The KubeSchedulerConfiguration's profiles, each serving the pods that name it in spec.schedulerName.</summary>
    public IReadOnlyList<Cluster.Scheduling.Profiles.ProfileSpec> ConfiguredProfiles { get; init; } = [];

    public SimDuration MetricsInterval { get; init; } = SimDuration.FromSeconds(10);

    /// <summary>Image pull bandwidth per node in bytes/s (ksim default 100 MiB/s).</summary>
    public long ImagePullBytesPerSecond { get; init; } = 100L * 1024 * 1024;

    /// <summary>Time from image present to container running (ksim default 1 s).</summary>
    public SimDuration ContainerStartTime { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>Nodes present at time 0, in file order (NodePool nodes expanded in place).</summary>
    public IReadOnlyList<Node> Nodes { get; init; } = [];

    /// <summary>Pods in file order with their creation times.</summary>
    public IReadOnlyList<PodSubmission> Pods { get; init; } = [];

    /// <summary>Deployments, ReplicaSets, Jobs, Services and HorizontalPodAutoscalers in file order with their creation times.</summary>
    public IReadOnlyList<ObjectSubmission> Workloads { get; init; } = [];

    /// <summary>The node pools, kept so that timeline actions can add nodes from them.</summary>
    public IReadOnlyList<NodePool> NodePools { get; init; } = [];

    /// <summary>Scripted actions (fail, recover, cordon, drain, add or remove nodes), in time order.</summary>
    public IReadOnlyList<TimelineAction> Timeline { get; init; } = [];

    /// <summary>Random failure models.</summary>
    public IReadOnlyList<FaultModel> FaultModels { get; init; } = [];

    /// <summary>Request traffic aimed at Services (ksim.dev Traffic documents).</summary>
    public IReadOnlyList<Traffic> Traffic { get; init; } = [];

    /// <summary>Training speed: Gavel's table with the scenario's ThroughputTable rows added.</summary>
    public ThroughputTable Throughput { get; init; } = ThroughputTable.Default;

    /// <summary>Training jobs arriving over time (ksim.dev WorkloadGenerator documents).</summary>
    public IReadOnlyList<WorkloadGenerator> Generators { get; init; } = [];

    /// <summary>Pods from a trace file (a ksim.dev TraceReplay document); null without one.</summary>
    public Cluster.Workloads.Traces.TraceReplay? TraceReplay { get; init; }

    /// <summary>The pod shapes FGD optimises for, from the TraceReplay's pod list; null without one.</summary>
    public Cluster.Scheduling.Fragmentation.TargetWorkload? TargetWorkload { get; init; }

    /// <summary>Every file the scenario was read from, to be copied into the results.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>The Cluster Autoscaler's flags: spec.clusterAutoscaler over CA's defaults.</summary>
    public Cluster.Controllers.ClusterAutoscaler.ClusterAutoscalerSettings ClusterAutoscaler { get; init; } = new();
}
