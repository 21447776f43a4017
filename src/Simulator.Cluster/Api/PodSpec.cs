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
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];
    public string SchedulerName { get; init; } = "default-scheduler";
    public string PriorityClassName { get; init; } = "";
    public int Priority { get; init; }
    public PreemptionPolicy PreemptionPolicy { get; init; } = PreemptionPolicy.PreemptLowerPriority;
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Always;

    /// <summary>Kubernetes default: 30 s.</summary>
    public SimDuration TerminationGracePeriod { get; init; } = SimDuration.FromSeconds(30);
}
