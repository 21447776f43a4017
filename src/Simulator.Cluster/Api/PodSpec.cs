using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum RestartPolicy
{
    Always,
    OnFailure,
    Never,
}

public enum PreemptionPolicy
{
    PreemptLowerPriority,
    Never,
}

/// <summary>The simulated parts of core/v1 PodSpec.</summary>
public sealed class PodSpec
{
    public IReadOnlyList<Container> Containers { get; init; } = [];
    public IReadOnlyList<Container> InitContainers { get; init; } = [];
    public ResourceList Overhead { get; init; } = ResourceList.Empty;
    public string NodeName { get; set; } = "";
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = ObjectMeta.EmptyMap;
    public NodeAffinity Affinity { get; init; } = NodeAffinity.None;
    /// <summary>spec.affinity.podAffinity.</summary>
    public PodAffinity PodAffinity { get; init; } = PodAffinity.None;
    /// <summary>spec.affinity.podAntiAffinity.</summary>
    public PodAffinity PodAntiAffinity { get; init; } = PodAffinity.None;
    public IReadOnlyList<TopologySpreadConstraint> TopologySpreadConstraints { get; init; } = [];
    /// <summary>Settable because admission (DefaultTolerationSeconds) adds to it at creation.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; set; } = [];
    public string SchedulerName { get; init; } = "default-scheduler";
    public string PriorityClassName { get; init; } = "";
    public int Priority { get; init; }
    public PreemptionPolicy PreemptionPolicy { get; init; } = PreemptionPolicy.PreemptLowerPriority;
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Always;

    /// <summary>Kubernetes default: 30 s.</summary>
    public SimDuration TerminationGracePeriod { get; init; } = SimDuration.FromSeconds(30);

    /// <summary>A copy for a new pod: the lists are immutable and shared, the node name is reset.</summary>
    public PodSpec Copy() => new()
    {
        Containers = Containers,
        InitContainers = InitContainers,
        Overhead = Overhead,
        NodeName = NodeName,
        NodeSelector = NodeSelector,
        Affinity = Affinity,
        PodAffinity = PodAffinity,
        PodAntiAffinity = PodAntiAffinity,
        TopologySpreadConstraints = TopologySpreadConstraints,
        Tolerations = Tolerations,
        SchedulerName = SchedulerName,
        PriorityClassName = PriorityClassName,
        Priority = Priority,
        PreemptionPolicy = PreemptionPolicy,
        RestartPolicy = RestartPolicy,
        TerminationGracePeriod = TerminationGracePeriod,
    };
}
